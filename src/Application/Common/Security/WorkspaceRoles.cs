namespace Platform.Application.Common.Security;

/// <summary>What a caller may do in a workspace, given the roles of their membership there.</summary>
public static class WorkspaceRoles
{
    /// <summary>
    /// A person signed in holds their membership's roles; a personal access token or a download link, what it carries
    /// of those (an Admin of the workspace holds them all). Null for one who is not a member. An external identity with no local
    /// account holds its claimed roles in the default workspace only.
    /// </summary>
    public static Role? Of(ICurrentUser caller, string workspace, Role? membership) =>
        caller.UserId is null
            ? workspace == Workspace.DefaultName ? caller.Roles : null
            : membership is not { } roles ? null
            : caller.IsSession ? roles
            : roles.HasFlag(Role.Admin) ? caller.Roles & WorkspaceMember.WorkspaceRoles
            : roles & caller.Roles;
}
