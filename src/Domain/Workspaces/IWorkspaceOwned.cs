namespace Platform.Domain.Workspaces;

/// <summary>
/// A resource that lives in exactly one <see cref="Workspace"/>. Persistence stamps the workspace of the request that
/// creates it and keeps every query inside the caller's workspace; what it holds (a run's metrics, a version's tags)
/// lives where it does.
/// </summary>
public interface IWorkspaceOwned
{
    Guid WorkspaceId { get; }
}
