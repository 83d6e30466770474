namespace Platform.Application.Common.Security;

/// <summary>
/// The scoped <see cref="IWorkspaceScope"/>: spans all workspaces until an entry point closes it (every HTTP request
/// and hub call does), then holds the workspace the pipeline enters and the roles the caller holds there.
/// </summary>
public sealed class WorkspaceScope(WorkspaceIsolationSwitch? isolation = null) : IWorkspaceScope
{
    public Guid? WorkspaceId { get; private set; }
    public string? WorkspaceName { get; private set; }
    public bool SpansAll { get; private set; } = true;

    /// <summary>The roles the caller holds in <see cref="WorkspaceId"/>, once entered.</summary>
    public Role Roles { get; private set; }

    /// <summary>The workspace the route names; null where the path names none (the caller's home workspace).</summary>
    public string? RequestedName { get; private set; }

    /// <summary>True once an entry point has asked for a workspace: the pipeline must enter one before a workspace's request runs.</summary>
    public bool IsRequest { get; private set; }

    /// <summary>An entry point (HTTP request, hub call) starts outside every workspace; <paramref name="requestedName"/> is the route's.</summary>
    public void Close(string? requestedName = null)
    {
        if (isolation?.Off == true)
        {
            return;
        }

        (SpansAll, WorkspaceId, WorkspaceName, Roles) = (false, null, null, Role.None);
        (RequestedName, IsRequest) = (requestedName, true);
    }

    public void Enter(Guid workspaceId, string name, Role roles) =>
        (SpansAll, WorkspaceId, WorkspaceName, Roles) = (false, workspaceId, name, roles);
}
