using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Contracts.Api;
using Platform.Serving.ControlPlane;
using Platform.Serving.Routing;
using Platform.Serving.State;

namespace Platform.Serving.Monitoring;

/// <summary>
/// Every <c>Serving:CanaryCheckMilliseconds</c>, reads each canary's rolling window; when, over the endpoint's
/// <see cref="CanaryPolicy.WindowSeconds"/> and at least <see cref="CanaryPolicy.MinRequests"/> requests, its error rate
/// or p95 latency passes the policy, moves all its traffic to the stable versions at once (a weight change: nothing is
/// reloaded and no request is dropped), remembers the revision so that the sync never puts it back, and reports the
/// rollback to the control plane, retrying until it answers.
/// </summary>
internal sealed class CanaryWatchdog(
    ServingState state, CanaryRollbacks rollbacks, CanaryRollbackReporter reporter, IOptions<ServingOptions> options, ILogger<CanaryWatchdog> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, options.Value.CanaryCheckMilliseconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The canary check failed; it runs again on the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Checks every canary with traffic once; rolls back those that breach their policy.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in state.Current.Endpoints.Values)
        {
            if (endpoint.Spec.Canary is not { } policy || rollbacks.Contains(endpoint.Name, endpoint.Spec.Revision))
            {
                continue;
            }

            foreach (var canary in endpoint.Versions.Where(v => v.IsCanary && v.Weight > 0))
            {
                var figures = canary.Model.Monitor.Window(policy.WindowSeconds);
                if (figures.Requests >= Math.Max(1, policy.MinRequests) && Breach(policy, figures) is { } reason)
                {
                    await RollBackAsync(endpoint, canary, policy, figures, reason, cancellationToken);
                    break;
                }
            }
        }
    }

    private static string? Breach(CanaryPolicy policy, LatencyFigures figures) =>
        figures.ErrorRate > policy.MaxErrorRate
            ? string.Create(CultureInfo.InvariantCulture, $"error rate {figures.ErrorRate:P1} over {figures.Requests} requests passed the limit of {policy.MaxErrorRate:P1}")
            : figures.P95Milliseconds > policy.MaxP95Milliseconds
                ? string.Create(CultureInfo.InvariantCulture, $"p95 latency {figures.P95Milliseconds:F1} ms over {figures.Requests} requests passed the limit of {policy.MaxP95Milliseconds:F1} ms")
                : null;

    private async Task RollBackAsync(ServedEndpoint endpoint, ServedVersion canary, CanaryPolicy policy, LatencyFigures figures, string reason, CancellationToken cancellationToken)
    {
        var revision = endpoint.Spec.Revision;
        await rollbacks.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!state.Current.Endpoints.TryGetValue(endpoint.Name, out var served) || served.Spec.Revision != revision)
            {
                return; // a newer revision came in while waiting: the breach was the old one's, and its canary is gone
            }

            rollbacks.Add(endpoint.Name, revision);
            var current = state.Current.Desired;
            await state.ApplyAsync(
                current with { Endpoints = [.. current.Endpoints.Select(e => e.Name == endpoint.Name ? ControlPlaneStateMapper.WithoutCanary(e) : e)] },
                cancellationToken);
        }
        finally
        {
            rollbacks.Gate.Release();
        }

        logger.LogWarning(
            "Rolled back the canary of {Endpoint} (revision {Revision}, version {Version}): {Reason}; its traffic now goes to the stable versions",
            endpoint.Name, revision, canary.Model.Version, reason);
        var now = DateTimeOffset.UtcNow;
        var window = TimeSpan.FromSeconds(Math.Clamp(policy.WindowSeconds, 1, RollingWindow.MaxSeconds));
        reporter.Report(endpoint.Name, new CanaryRollbackReport(
            revision,
            int.TryParse(canary.Model.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0,
            reason,
            figures.Requests,
            figures.Errors,
            figures.ErrorRate,
            figures.P95Milliseconds,
            now - window,
            now,
            Environment.MachineName));
    }
}
