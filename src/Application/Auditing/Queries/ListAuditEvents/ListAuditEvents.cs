namespace Platform.Application.Auditing.Queries.ListAuditEvents;

/// <summary>The audit trail, newest first, filtered. Paged.</summary>
[PlatformWide]
[RequiresRole(Permissions.Audit)]
public sealed record ListAuditEventsQuery(AuditFilter Filter, int? Limit, string? Cursor) : IQuery<Page<AuditEventDto>>;

public sealed class ListAuditEventsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListAuditEventsQuery, Page<AuditEventDto>>
{
    private sealed record Position(long Sequence);

    public async ValueTask<Page<AuditEventDto>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var events = query.Filter.Apply(db.AuditEvents.AsNoTracking());
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            events = events.Where(e => e.Sequence < after.Sequence);
        }

        var page = await events.OrderByDescending(e => e.Sequence).ReadPageAsync(limit, e => new Position(e.Sequence), cancellationToken);
        return page.Select(AuditEventDto.From);
    }
}

public sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}
