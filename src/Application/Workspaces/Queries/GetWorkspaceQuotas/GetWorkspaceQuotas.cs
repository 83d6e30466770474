namespace Platform.Application.Workspaces.Queries.GetWorkspaceQuotas;

/// <summary>A workspace's quotas and their use now (its members and platform Admins; 404 for anyone else).</summary>
[PlatformWide]
[RequiresRole(Permissions.Read | Role.Admin)]
public sealed record GetWorkspaceQuotasQuery(string Name) : IQuery<WorkspaceQuotasDto>;

public sealed class GetWorkspaceQuotasQueryHandler(IPlatformDbContext db, ICurrentUser user, WorkspaceQuotas quotas) : IQueryHandler<GetWorkspaceQuotasQuery, WorkspaceQuotasDto>
{
    public async ValueTask<WorkspaceQuotasDto> Handle(GetWorkspaceQuotasQuery query, CancellationToken cancellationToken)
    {
        var (workspace, _) = await db.SeeAsync(user, query.Name, cancellationToken);
        return await quotas.UsageAsync(workspace.Id, cancellationToken);
    }
}
