using Platform.Domain.Workspaces;

namespace Platform.Application.Workspaces;

/// <summary>
/// Finds a workspace for the caller: its members and platform Admins see it; to anyone else it does not exist (404,
/// never 403, so that names do not leak). <see cref="AdministerAsync"/> also asks for the workspace's Admin role.
/// </summary>
internal static class WorkspaceAccess
{
    public static async Task<(Workspace Workspace, WorkspaceMember? Membership)> SeeAsync(
        this IPlatformDbContext db, ICurrentUser user, string name, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Name == name, cancellationToken);
        var membership = workspace is null || user.UserId is not { } id
            ? null
            : await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspace.Id && m.UserId == id, cancellationToken);
        if (workspace is null || (membership is null && !user.Roles.HasFlag(Role.Admin)))
        {
            throw new NotFoundException("Workspace", name);
        }

        return (workspace, membership);
    }

    public static async Task<Workspace> AdministerAsync(this IPlatformDbContext db, ICurrentUser user, string name, CancellationToken cancellationToken)
    {
        var (workspace, membership) = await db.SeeAsync(user, name, cancellationToken);
        if (membership?.IsAdmin != true && !user.Roles.HasFlag(Role.Admin))
        {
            throw new ForbiddenAccessException($"Only an Admin of workspace '{name}' may change its members.");
        }

        return workspace;
    }
}
