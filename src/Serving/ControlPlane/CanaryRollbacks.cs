namespace Platform.Serving.ControlPlane;

/// <summary>
/// The (endpoint, revision) pairs whose canary this host rolled back, so that the control-plane sync never puts that
/// revision's canary back; and the gate that the sync and the watchdog take around "read the state, change it, apply".
/// </summary>
public sealed class CanaryRollbacks
{
    private readonly HashSet<(string Endpoint, int Revision)> _rolledBack = [];
    private readonly Lock _lock = new();

    /// <summary>Held while a state is derived and applied, so that one derived from a stale state never lands last.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Records the rollback; <c>false</c> when it was already recorded.</summary>
    public bool Add(string endpoint, int revision)
    {
        lock (_lock)
        {
            return _rolledBack.Add((endpoint, revision));
        }
    }

    public bool Contains(string endpoint, int revision)
    {
        lock (_lock)
        {
            return _rolledBack.Contains((endpoint, revision));
        }
    }
}
