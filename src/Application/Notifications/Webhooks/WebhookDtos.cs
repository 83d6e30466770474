using Platform.Domain.Notifications;

namespace Platform.Application.Notifications.Webhooks;

/// <summary>A subscription as listed and read: never its secret.</summary>
public sealed record WebhookSubscriptionDto(
    Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, bool Active, int SecretVersion, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static WebhookSubscriptionDto From(WebhookSubscription s) => new(
        s.Id, s.Name, s.Url, s.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries), s.Active, s.SecretVersion, s.CreatedBy, s.CreatedAt);
}

/// <summary>The answer to creating a subscription or rotating its secret: the only time the secret is shown.</summary>
public sealed record WebhookWithSecretDto(WebhookSubscriptionDto Subscription, string Secret);

/// <summary>One line of the delivery log; <see cref="NextAttemptAt"/> only while the delivery is pending.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(
        d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError,
        d.CreatedAt, d.LastAttemptAt, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);
}
