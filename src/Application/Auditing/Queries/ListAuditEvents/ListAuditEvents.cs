namespace Platform.Application.Auditing.Queries.ListAuditEvents;

/// <summary>The audit trail of every chain (or the one the filter names), newest first, filtered. Paged.</summary>
[PlatformWide]
[RequiresRole(Permissions.Audit)]
public sealed record ListAuditEventsQuery(AuditFilter Filter, int? Limit, string? Cursor) : IQuery<Page<AuditEventDto>>;

public sealed class ListAuditEventsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListAuditEventsQuery, Page<AuditEventDto>>
{
    public async ValueTask<Page<AuditEventDto>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken) =>
        await AuditPages.ReadAsync(db.AuditEvents, query.Filter, query.Limit, query.Cursor, cancellationToken);
}

public sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}
