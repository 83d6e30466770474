namespace Platform.Application.Notifications.Webhooks.Commands.DeleteWebhook;

/// <summary>Removes a subscription and its delivery log; pending deliveries are not sent.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record DeleteWebhookCommand(Guid Id) : ICommand;

public sealed class DeleteWebhookCommandHandler(IPlatformDbContext db) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
