using Microsoft.Extensions.Options;
using Platform.Serving.State;

namespace Platform.Serving.ControlPlane;

/// <summary>
/// Polls the control plane's desired state every <c>Serving:ControlPlane:PollSeconds</c>, downloads the model files it
/// names into the <see cref="ModelCache"/>, and applies the mapped state when it differs from the one served (so a change made on the admin surface
/// lasts only until the next poll: the control plane is the source of truth).
/// Failures are logged and retried on the next poll; the host keeps serving what it has. The host is ready after the
/// first state is applied.
/// </summary>
internal sealed class ControlPlaneSync(
    IServingControlPlane plane, ModelCache cache, ServingState state, CanaryRollbacks rollbacks, IOptions<ServingOptions> options, ILogger<ControlPlaneSync> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.ControlPlane.PollSeconds));
        logger.LogInformation("Serving the desired state of the control plane at {ApiUrl}, read every {Seconds} s", options.Value.ControlPlane.ApiUrl, period.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The control plane's desired state could not be applied; the served state is kept and the sync retries in {Seconds} s", period.TotalSeconds);
            }

            try
            {
                await Task.Delay(period, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The control plane's version last applied (or found equal to what was served), and the served state it became.</summary>
    private (long Version, DesiredServingState Served)? _synced;

    /// <summary>
    /// One poll: <c>true</c> when a new state was applied. The read is conditional on the version last synced while
    /// the host still serves what that sync left; once anything else changed the served state (the admin surface, a
    /// local canary rollback) the state is read in full and compared, as before.
    /// </summary>
    internal async Task<bool> SyncOnceAsync(CancellationToken cancellationToken)
    {
        var known = _synced is { } synced && state.IsReady && ReferenceEquals(synced.Served, state.Current.Desired) ? synced.Version : (long?)null;
        var desired = await plane.GetDesiredStateAsync(known, cancellationToken);
        if (desired is null)
        {
            return false;
        }

        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in desired.Endpoints)
        {
            foreach (var version in endpoint.Versions)
            {
                if (!paths.ContainsKey(version.Sha256))
                {
                    paths[version.Sha256] = await cache.EnsureAsync(endpoint.Workspace, endpoint.Model, version.Version, version.Sha256, cancellationToken);
                }
            }
        }

        await rollbacks.Gate.WaitAsync(cancellationToken);
        try
        {
            var mapped = ControlPlaneStateMapper.Map(desired, (_, v) => paths[v.Sha256], rollbacks);
            var fingerprint = ControlPlaneStateMapper.Fingerprint(mapped);
            if (state.IsReady && fingerprint == ControlPlaneStateMapper.Fingerprint(state.Current.Desired))
            {
                _synced = (desired.Version, state.Current.Desired);
                return false;
            }

            await state.ApplyAsync(mapped, cancellationToken);
            _synced = (desired.Version, state.Current.Desired);
            logger.LogInformation("Applied the control plane's desired state {Version} ({Endpoints} endpoints)", desired.Version, mapped.Endpoints.Length);
        }
        finally
        {
            rollbacks.Gate.Release();
        }

        state.MarkReady();
        return true;
    }
}
