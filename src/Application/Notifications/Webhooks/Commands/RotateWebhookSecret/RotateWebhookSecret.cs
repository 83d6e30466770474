namespace Platform.Application.Notifications.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Replaces a subscription's signing secret at once (the old one stops verifying with the next attempt); the answer
/// carries the new secret, once.
/// </summary>
[RequiresRole(Permissions.Administer)]
public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<WebhookWithSecretDto>;

public sealed class RotateWebhookSecretCommandHandler(IPlatformDbContext db, IWebhookSecrets secrets)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        subscription.RotateSecret();
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookWithSecretDto(WebhookSubscriptionDto.From(subscription), secrets.SecretFor(subscription.Id, subscription.SecretVersion));
    }
}
