using Platform.Domain.Workspaces;

namespace Platform.Application.Workspaces;

/// <summary>
/// Finds a workspace for the caller: its members, platform Admins and external identities that <see cref="WorkspaceRoles"/>
/// gives roles there see it; to anyone else it does not exist (404,
/// never 403, so that names do not leak). <see cref="AdministerAsync"/> also asks for the workspace's Admin role.
/// </summary>
internal static class WorkspaceAccess
{
    /// <summary>The workspace, and the roles the caller holds there: a membership's, or an external identity's from its token.</summary>
    public static async Task<(Workspace Workspace, Role? YourRoles)> SeeAsync(
        this IPlatformDbContext db, ICurrentUser user, string name, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Name == name, cancellationToken);
        var membership = workspace is null || user.UserId is not { } id
            ? null
            : await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspace.Id && m.UserId == id, cancellationToken);
        var outOfTokenScope = workspace is not null && user.TokenWorkspaces is { } scoped && !scoped.Contains(workspace.Id);
        var yourRoles = membership?.Roles ?? (user.UserId is null ? WorkspaceRoles.Of(user, name, null) : null);
        if (workspace is null || outOfTokenScope || (yourRoles is null && !user.Roles.HasFlag(Role.Admin)))
        {
            throw new NotFoundException("Workspace", name);
        }

        return (workspace, yourRoles);
    }

    public static async Task<Workspace> AdministerAsync(this IPlatformDbContext db, ICurrentUser user, string name, CancellationToken cancellationToken)
    {
        var (workspace, yourRoles) = await db.SeeAsync(user, name, cancellationToken);
        // A token or a link administers only if it carries Admin itself, whatever its owner holds.
        var carriesAdmin = user.IsSession || user.Roles.HasFlag(Role.Admin);
        if (!carriesAdmin || (yourRoles?.HasFlag(Role.Admin) != true && !user.Roles.HasFlag(Role.Admin)))
        {
            throw new ForbiddenAccessException($"Only an Admin of workspace '{name}' may change its members.");
        }

        return workspace;
    }
}
