using Microsoft.Extensions.Options;
using Platform.Serving.Models;
using Platform.Serving.Routing;
using Platform.Serving.Security;

namespace Platform.Serving.State;

/// <inheritdoc cref="IServingState"/>
public sealed class ServingState(ModelLoader loader, IOptions<ServingOptions> options, ILogger<ServingState> logger) : IServingState, IAsyncDisposable
{
    private readonly InferenceKeys _configuredKeys = options.Value.InferenceKeyHashes.Length == 0
        ? InferenceKeys.Open
        : InferenceKeys.Required(options.Value.InferenceKeyHashes);

    private readonly SemaphoreSlim _changes = new(1, 1);
    private ServingSnapshot _current = ServingSnapshot.Empty;
    private volatile bool _ready;

    public ServingSnapshot Current => Volatile.Read(ref _current);

    public DesiredServingState? Previous { get; private set; }

    public bool IsReady => _ready;

    public async Task ApplyAsync(DesiredServingState desired, CancellationToken cancellationToken)
    {
        DesiredStateValidator.EnsureValid(desired);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Previous = await SwapAsync(desired, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task<bool> RollbackAsync(CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Previous is not { } target)
            {
                return false;
            }

            Previous = await SwapAsync(target, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Rolled back to the previous serving state ({Endpoints} endpoints)", target.Endpoints.Length);
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Marks the host ready (the configured state is served, or there was none).</summary>
    internal void MarkReady() => _ready = true;

    public async ValueTask DisposeAsync()
    {
        var last = Interlocked.Exchange(ref _current, ServingSnapshot.Empty);
        foreach (var model in last.Models)
        {
            model.Release();
        }

        await Task.WhenAll(last.Models.Select(m => m.Unloaded)).ConfigureAwait(false);
        _changes.Dispose();
    }

    /// <summary>Loads (or keeps) every wanted version, switches atomically, then lets the old state's leases go. Returns the state replaced (<c>null</c> for the empty start).</summary>
    private async Task<DesiredServingState?> SwapAsync(DesiredServingState desired, CancellationToken cancellationToken)
    {
        var old = Current;
        var held = new List<LoadedModel>();
        var endpoints = new Dictionary<string, ServedEndpoint>(StringComparer.Ordinal);
        try
        {
            foreach (var endpoint in desired.Endpoints)
            {
                var versions = new List<ServedVersion>();
                foreach (var version in endpoint.Versions)
                {
                    var kept = old.Find(endpoint.Name, version.Version, version.ModelPath);
                    var model = kept is not null && kept.TryAcquire()
                        ? kept
                        : await loader.LoadAsync(endpoint.Name, version, cancellationToken).ConfigureAwait(false);
                    if (ReferenceEquals(model, kept) && old.Endpoints[endpoint.Name].Spec.Revision != endpoint.Revision)
                    {
                        model.Monitor.StartNewWindow();
                    }

                    held.Add(model);
                    versions.Add(new ServedVersion(model, version.Weight, version.IsCanary));
                }

                var keys = endpoint.InferenceKeyHashes is { } hashes ? InferenceKeys.Required(hashes) : _configuredKeys;
                endpoints[endpoint.Name] = new ServedEndpoint(endpoint.Name, versions, keys, endpoint);
            }
        }
        catch
        {
            held.ForEach(m => m.Release());
            throw;
        }

        Volatile.Write(ref _current, new ServingSnapshot(desired, endpoints));
        foreach (var model in old.Models)
        {
            model.Release();
        }

        logger.LogInformation(
            "Serving {Endpoints}",
            string.Join("; ", desired.Endpoints.Select(e => $"{e.Name}: {string.Join(", ", e.Versions.Select(v => $"v{v.Version} {v.Weight}"))}")));
        return ReferenceEquals(old, ServingSnapshot.Empty) ? null : old.Desired;
    }
}
