using Platform.Domain.Notifications;

namespace Platform.Application.Notifications.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>A subscription's delivery log, newest first, optionally only one status. Paged.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record ListWebhookDeliveriesQuery(Guid WebhookId, DeliveryStatus? Status, int? Limit, string? Cursor) : IQuery<Page<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListWebhookDeliveriesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryDto>>
{
    private sealed record Position(DateTimeOffset CreatedAt, Guid Id);

    public async ValueTask<Page<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == query.WebhookId, cancellationToken))
        {
            throw new NotFoundException("Webhook", query.WebhookId);
        }

        var limit = PageLimits.Resolve(query.Limit);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.WebhookId);
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } before)
        {
            deliveries = deliveries.Where(d => d.CreatedAt < before.CreatedAt || (d.CreatedAt == before.CreatedAt && d.Id.CompareTo(before.Id) < 0));
        }

        var page = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .ReadPageAsync(limit, d => new Position(d.CreatedAt, d.Id), cancellationToken);
        return page.Select(WebhookDeliveryDto.From);
    }
}
