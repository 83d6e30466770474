namespace Platform.Application.Notifications.Webhooks.Queries.GetWebhook;

/// <summary>One subscription (never its secret).</summary>
[RequiresRole(Permissions.Administer)]
public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookSubscriptionDto>;

public sealed class GetWebhookQueryHandler(IPlatformDbContext db) : IQueryHandler<GetWebhookQuery, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", query.Id);
        return WebhookSubscriptionDto.From(subscription);
    }
}
