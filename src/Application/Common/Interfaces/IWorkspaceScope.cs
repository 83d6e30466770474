namespace Platform.Application.Common.Interfaces;

/// <summary>
/// Which workspace this unit of work is inside. Persistence keeps every query of a workspace's resources inside it
/// and stamps it on what is created. A request starts outside every workspace (it sees none); the workspace step of
/// the pipeline enters the one the route names once the caller is found a member. Background work of the platform
/// itself spans them all.
/// </summary>
public interface IWorkspaceScope
{
    /// <summary>The workspace entered, if any.</summary>
    Guid? WorkspaceId { get; }

    /// <summary>Its name, as the route names it.</summary>
    string? WorkspaceName { get; }

    /// <summary>True for the platform's own background work: every workspace is visible and nothing is stamped.</summary>
    bool SpansAll { get; }
}
