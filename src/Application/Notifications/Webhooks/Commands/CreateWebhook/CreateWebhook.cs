using Platform.Domain.Notifications;

namespace Platform.Application.Notifications.Webhooks.Commands.CreateWebhook;

/// <summary>Subscribes a URL to events (none named: every event). The answer carries the signing secret, once.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record CreateWebhookCommand(string Name, string Url, IReadOnlyList<string> EventTypes) : ICommand<WebhookWithSecretDto>;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator()
    {
        RuleFor(c => c.Name).ValidWebhookName();
        RuleFor(c => c.Url).ValidWebhookUrl();
        RuleFor(c => c.EventTypes).NotNull();
        RuleForEach(c => c.EventTypes).KnownEventType();
    }
}

public sealed class CreateWebhookCommandHandler(IPlatformDbContext db, IWebhookSecrets secrets, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = WebhookSubscription.Create(command.Name, WebhookRules.Parse(command.Url), command.EventTypes, user.Name, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookWithSecretDto(WebhookSubscriptionDto.From(subscription), secrets.SecretFor(subscription.Id, subscription.SecretVersion));
    }
}
