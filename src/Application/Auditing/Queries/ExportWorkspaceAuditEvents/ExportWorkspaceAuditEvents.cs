using Platform.Domain.Auditing;

namespace Platform.Application.Auditing.Queries.ExportWorkspaceAuditEvents;

/// <summary>The workspace's own filtered audit trail oldest first, read as it is written out (its Approvers and Admins).</summary>
[RequiresRole(Permissions.Audit)]
public sealed record ExportWorkspaceAuditEventsQuery(AuditFilter Filter) : IQuery<IAsyncEnumerable<AuditEvent>>;

public sealed class ExportWorkspaceAuditEventsQueryHandler(IPlatformDbContext db, IWorkspaceScope scope)
    : IQueryHandler<ExportWorkspaceAuditEventsQuery, IAsyncEnumerable<AuditEvent>>
{
    public ValueTask<IAsyncEnumerable<AuditEvent>> Handle(ExportWorkspaceAuditEventsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult((query.Filter with { Chain = new AuditChain(scope.WorkspaceId ?? Workspace.DefaultId) })
            .Apply(db.AuditEvents.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable());
}
