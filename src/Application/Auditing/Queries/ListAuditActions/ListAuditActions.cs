namespace Platform.Application.Auditing.Queries.ListAuditActions;

/// <summary>Every action the audit trail holds at least once (CreateRun, ApprovePromotion, …), by name: what its action filter offers.</summary>
[PlatformWide]
[RequiresRole(Permissions.Audit)]
public sealed record ListAuditActionsQuery : IQuery<IReadOnlyList<string>>;

public sealed class ListAuditActionsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListAuditActionsQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListAuditActionsQuery query, CancellationToken cancellationToken) =>
        await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
}
