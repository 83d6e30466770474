namespace Platform.Application.Notifications.Webhooks.Queries.ListWebhooks;

/// <summary>Webhook subscriptions by name (never their secrets). Paged.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record ListWebhooksQuery(int? Limit, string? Cursor) : IQuery<Page<WebhookSubscriptionDto>>;

public sealed class ListWebhooksQueryValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListWebhooksQueryHandler(IPlatformDbContext db) : IQueryHandler<ListWebhooksQuery, Page<WebhookSubscriptionDto>>
{
    private sealed record Position(string Name, Guid Id);

    public async ValueTask<Page<WebhookSubscriptionDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var subscriptions = db.WebhookSubscriptions.AsNoTracking();
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            subscriptions = subscriptions.Where(s => string.Compare(s.Name, after.Name) > 0 || (s.Name == after.Name && s.Id.CompareTo(after.Id) > 0));
        }

        var page = await subscriptions.OrderBy(s => s.Name).ThenBy(s => s.Id).ReadPageAsync(limit, s => new Position(s.Name, s.Id), cancellationToken);
        return page.Select(WebhookSubscriptionDto.From);
    }
}
