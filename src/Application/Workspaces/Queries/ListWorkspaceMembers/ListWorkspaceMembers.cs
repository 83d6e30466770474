namespace Platform.Application.Workspaces.Queries.ListWorkspaceMembers;

/// <summary>A workspace's members by user name with their roles there, for its members and platform Admins. Paged.</summary>
[PlatformWide]
[RequiresRole(Permissions.Read | Role.Admin)]
public sealed record ListWorkspaceMembersQuery(string Workspace, int? Limit, string? Cursor) : IQuery<Page<WorkspaceMemberDto>>;

public sealed class ListWorkspaceMembersQueryValidator : AbstractValidator<ListWorkspaceMembersQuery>
{
    public ListWorkspaceMembersQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListWorkspaceMembersQueryHandler(IPlatformDbContext db, ICurrentUser user)
    : IQueryHandler<ListWorkspaceMembersQuery, Page<WorkspaceMemberDto>>
{
    public async ValueTask<Page<WorkspaceMemberDto>> Handle(ListWorkspaceMembersQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var (workspace, _) = await db.SeeAsync(user, query.Workspace, cancellationToken);
        var rows = from m in db.WorkspaceMembers.AsNoTracking()
                   where m.WorkspaceId == workspace.Id
                   join u in db.Users on m.UserId equals u.Id
                   select new { u.NormalizedUserName, u.UserName, m.Roles, m.AddedBy, m.AddedAt };
        if (Cursor.Decode<string>(query.Cursor) is { } after)
        {
            rows = rows.Where(r => string.Compare(r.NormalizedUserName, after) > 0);
        }

        var page = await rows.OrderBy(r => r.NormalizedUserName).ReadPageAsync(limit, r => r.NormalizedUserName, cancellationToken);
        return page.Select(r => new WorkspaceMemberDto(r.UserName, [.. r.Roles.Split()], r.AddedBy, r.AddedAt));
    }
}
