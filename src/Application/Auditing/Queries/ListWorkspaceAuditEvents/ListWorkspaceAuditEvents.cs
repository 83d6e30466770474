namespace Platform.Application.Auditing.Queries.ListWorkspaceAuditEvents;

/// <summary>The workspace's own audit trail, newest first, filtered (its Approvers and Admins). Paged.</summary>
[RequiresRole(Permissions.Audit)]
public sealed record ListWorkspaceAuditEventsQuery(AuditFilter Filter, int? Limit, string? Cursor) : IQuery<Page<AuditEventDto>>;

public sealed class ListWorkspaceAuditEventsQueryHandler(IPlatformDbContext db, IWorkspaceScope scope) : IQueryHandler<ListWorkspaceAuditEventsQuery, Page<AuditEventDto>>
{
    public async ValueTask<Page<AuditEventDto>> Handle(ListWorkspaceAuditEventsQuery query, CancellationToken cancellationToken) =>
        await AuditPages.ReadAsync(db.AuditEvents, query.Filter with { Chain = new AuditChain(scope.WorkspaceId ?? Workspace.DefaultId) }, query.Limit, query.Cursor, cancellationToken);
}

public sealed class ListWorkspaceAuditEventsQueryValidator : AbstractValidator<ListWorkspaceAuditEventsQuery>
{
    public ListWorkspaceAuditEventsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}
