namespace Platform.Application.Workspaces.Queries.GetWorkspace;

/// <summary>One workspace, for its members, platform Admins and external identities mapped into it; 404 for anyone else.</summary>
[PlatformWide]
[RequiresRole(Permissions.Read | Role.Admin)]
public sealed record GetWorkspaceQuery(string Name) : IQuery<WorkspaceDto>;

public sealed class GetWorkspaceQueryHandler(IPlatformDbContext db, ICurrentUser user) : IQueryHandler<GetWorkspaceQuery, WorkspaceDto>
{
    public async ValueTask<WorkspaceDto> Handle(GetWorkspaceQuery query, CancellationToken cancellationToken)
    {
        var (workspace, yourRoles) = await db.SeeAsync(user, query.Name, cancellationToken);
        return WorkspaceDto.From(workspace, yourRoles ?? Role.None);
    }
}
