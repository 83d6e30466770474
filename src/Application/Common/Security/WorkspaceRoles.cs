namespace Platform.Application.Common.Security;

/// <summary>What a caller may do in a workspace, given the roles of their membership there.</summary>
public static class WorkspaceRoles
{
    /// <summary>
    /// A person signed in holds their membership's roles; a personal access token or a download link, what it carries
    /// of those (an Admin of the workspace holds them all). Null for one who is not a member. An external identity with no
    /// local account holds, in each workspace, the roles its groups are mapped to there (<see cref="ICurrentUser.ExternalWorkspaceRoles"/>),
    /// and in the default workspace its claimed roles besides; it is in no other workspace.
    /// </summary>
    public static Role? Of(ICurrentUser caller, string workspace, Role? membership) =>
        caller.UserId is null
            ? External(caller, workspace)
            : membership is not { } roles ? null
            : caller.IsSession ? roles
            : roles.HasFlag(Role.Admin) ? caller.Roles & WorkspaceMember.WorkspaceRoles
            : roles & caller.Roles;

    /// <summary>
    /// The names of the only workspaces where <see cref="Of"/> can hold anything for a caller with no local account,
    /// so that a query can look those up instead of memberships.
    /// </summary>
    public static IReadOnlyCollection<string> ExternalWorkspaceNames(ICurrentUser caller) =>
        [.. (caller.ExternalWorkspaceRoles?.Keys ?? []).Append(Workspace.DefaultName).Distinct()];

    private static Role? External(ICurrentUser caller, string workspace)
    {
        var mapped = caller.ExternalWorkspaceRoles?.GetValueOrDefault(workspace) ?? Role.None;
        return workspace == Workspace.DefaultName ? caller.Roles | mapped
            : mapped != Role.None ? mapped
            : null;
    }
}
