using System.Collections.Frozen;

namespace Platform.Serving.Monitoring;

/// <summary>
/// Faults injected into a version's requests for drills and tests (<c>PUT /v2/admin/faults</c>, only with
/// <c>Serving:AllowFaultInjection</c>): added latency, and a share of requests that fail as a failed run would. With no
/// fault set, the check on the request path is one volatile read.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private volatile FrozenDictionary<(string Endpoint, string Version), InjectedFault>? _faults;

    public IReadOnlyDictionary<(string Endpoint, string Version), InjectedFault> Current =>
        (IReadOnlyDictionary<(string Endpoint, string Version), InjectedFault>?)_faults ?? FrozenDictionary<(string, string), InjectedFault>.Empty;

    public void Set(string endpoint, string version, InjectedFault fault)
    {
        lock (_lock)
        {
            var faults = new Dictionary<(string, string), InjectedFault>(Current) { [(endpoint, version)] = fault };
            _faults = faults.ToFrozenDictionary();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _faults = null;
        }
    }

    /// <summary>Applies the fault set for (endpoint, version), if any: waits, then fails with its error rate.</summary>
    /// <exception cref="InjectedFaultException">The request drew a failure.</exception>
    public ValueTask ApplyAsync(string endpoint, string version, CancellationToken cancellationToken)
    {
        var faults = _faults;
        return faults is not null && faults.TryGetValue((endpoint, version), out var fault) ? fault.ApplyAsync(cancellationToken) : ValueTask.CompletedTask;
    }
}

/// <summary>A fault on one version: <paramref name="ErrorRate"/> of its requests fail (0 to 1), each after <paramref name="AddedLatencyMs"/>.</summary>
public sealed record InjectedFault(double ErrorRate, int AddedLatencyMs)
{
    public async ValueTask ApplyAsync(CancellationToken cancellationToken)
    {
        if (AddedLatencyMs > 0)
        {
            await Task.Delay(AddedLatencyMs, cancellationToken).ConfigureAwait(false);
        }

        if (ErrorRate > 0 && Random.Shared.NextDouble() < ErrorRate)
        {
            throw new InjectedFaultException();
        }
    }
}

/// <summary>A request failed by an injected fault (counted as a failed run).</summary>
public sealed class InjectedFaultException() : Exception("An injected fault failed this request.");
