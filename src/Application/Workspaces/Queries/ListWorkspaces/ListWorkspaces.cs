namespace Platform.Application.Workspaces.Queries.ListWorkspaces;

/// <summary>
/// The workspaces the caller belongs to, by name (a platform Admin sees every one); for an external identity with no
/// local account, those <see cref="WorkspaceRoles"/> gives it roles in. Paged.
/// </summary>
[PlatformWide]
[RequiresRole(Permissions.Read | Role.Admin)]
public sealed record ListWorkspacesQuery(int? Limit, string? Cursor) : IQuery<Page<WorkspaceDto>>;

public sealed class ListWorkspacesQueryValidator : AbstractValidator<ListWorkspacesQuery>
{
    public ListWorkspacesQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListWorkspacesQueryHandler(IPlatformDbContext db, ICurrentUser user) : IQueryHandler<ListWorkspacesQuery, Page<WorkspaceDto>>
{
    public async ValueTask<Page<WorkspaceDto>> Handle(ListWorkspacesQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var everyOne = user.Roles.HasFlag(Role.Admin);
        var external = user.UserId is null;
        var externalNames = external ? WorkspaceRoles.ExternalWorkspaceNames(user) : [];
        var rows = from w in db.Workspaces.AsNoTracking()
                   join m in db.WorkspaceMembers.Where(m => m.UserId == user.UserId) on w.Id equals m.WorkspaceId into mine
                   from m in mine.DefaultIfEmpty()
                   where everyOne || m != null || externalNames.Contains(w.Name)
                   select new { w, Roles = m == null ? Role.None : m.Roles };
        if (Cursor.Decode<string>(query.Cursor) is { } after)
        {
            rows = rows.Where(r => string.Compare(r.w.Name, after) > 0);
        }

        var page = await rows.OrderBy(r => r.w.Name).ReadPageAsync(limit, r => r.w.Name, cancellationToken);
        return page.Select(r => WorkspaceDto.From(r.w, external ? WorkspaceRoles.Of(user, r.w.Name, null) ?? Role.None : r.Roles));
    }
}
