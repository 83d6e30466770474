using Platform.Domain.Notifications;

namespace Platform.Application.Notifications.Webhooks;

/// <summary>What a subscription's fields must be, checked at the edge so that a bad value is a 400 naming the field.</summary>
internal static class WebhookRules
{
    public static IRuleBuilderOptions<T, string> ValidWebhookName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(WebhookSubscription.MaxNameLength);

    public static IRuleBuilderOptions<T, string> ValidWebhookUrl<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(WebhookSubscription.MaxUrlLength)
            .Must(url => TryParse(url) is not null)
            .WithMessage("must be an absolute http or https URL");

    public static IRuleBuilderOptions<T, string> KnownEventType<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(type => type is not null && EventTypes.All.Contains(type))
            .WithMessage("must be one of " + string.Join(", ", EventTypes.All.Order(StringComparer.Ordinal)));

    public static Uri? TryParse(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public static Uri Parse(string url) => TryParse(url) ?? throw new ArgumentException("The validator lets only http(s) URLs through.", nameof(url));
}
