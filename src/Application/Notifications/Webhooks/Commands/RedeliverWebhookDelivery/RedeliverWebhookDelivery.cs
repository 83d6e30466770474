namespace Platform.Application.Notifications.Webhooks.Commands.RedeliverWebhookDelivery;

/// <summary>Sends a delivery again as soon as the sender next looks (after fixing the receiver, or to replay one).</summary>
[RequiresRole(Permissions.Administer)]
public sealed record RedeliverWebhookDeliveryCommand(Guid WebhookId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;

public sealed class RedeliverWebhookDeliveryCommandHandler(IPlatformDbContext db, TimeProvider clock)
    : ICommandHandler<RedeliverWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RedeliverWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == command.WebhookId, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
        delivery.Redeliver(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryDto.From(delivery);
    }
}
