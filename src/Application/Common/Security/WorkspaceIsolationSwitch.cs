namespace Platform.Application.Common.Security;

/// <summary>
/// For benchmarks only: a composition that replaces this singleton with <see cref="Off"/> set runs as before workspaces
/// existed (no workspace entered, no query filter in the model), so the cost of isolation can be measured beside the
/// product as shipped. Nothing binds it from configuration: the shipped product cannot be switched.
/// </summary>
public sealed class WorkspaceIsolationSwitch
{
    public bool Off { get; init; }
}
