using Microsoft.Extensions.Options;
using Platform.Contracts.Api;
using Platform.MachineLearning.Monitoring;
using Platform.Serving.ControlPlane;
using Platform.Serving.Routing;
using Platform.Serving.State;

namespace Platform.Serving.Monitoring;

/// <summary>
/// Every endpoint's <see cref="DriftPolicy.IntervalSeconds"/>: per version, the requests, errors and latency percentiles
/// since the last report and, once <see cref="DriftPolicy.MinSamples"/> rows are sampled, each baseline feature's PSI and
/// KS statistic over the sample (the sample then starts afresh), with the alert set past either threshold. The report is
/// kept for <c>GET /v2/admin/monitoring</c> and sent to the control plane when there is one.
/// </summary>
internal sealed class DriftMonitor(
    IServingState state, MonitoringStore store, IOptions<ServingOptions> options, ILogger<DriftMonitor> logger, IServingControlPlane? plane = null)
    : BackgroundService
{
    private readonly Dictionary<(string Endpoint, int Revision), DateTimeOffset> _since = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, options.Value.MonitorTickMilliseconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var endpoints = state.Current.Endpoints.Values.ToArray();
                foreach (var gone in _since.Keys.Where(k => !endpoints.Any(e => e.Name == k.Endpoint && e.Spec.Revision == k.Revision)).ToArray())
                {
                    _since.Remove(gone);
                }

                foreach (var endpoint in endpoints)
                {
                    try
                    {
                        await MonitorAsync(endpoint, DateTimeOffset.UtcNow, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning("The monitoring report of {Endpoint} failed: {Reason}", endpoint.Name, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task MonitorAsync(ServedEndpoint endpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policy = endpoint.Spec.Drift ?? DriftPolicy.Default;
        var key = (endpoint.Name, endpoint.Spec.Revision);
        if (!_since.TryGetValue(key, out var from))
        {
            _since[key] = now;
            return;
        }

        if (now - from < TimeSpan.FromSeconds(Math.Max(1, policy.IntervalSeconds)))
        {
            return;
        }

        _since[key] = now;
        var versions = endpoint.Versions.Select(v => Measure(endpoint, v, policy)).ToArray();
        var report = new MonitoringReport(endpoint.Spec.Revision, from, now, Environment.MachineName, versions);
        store.Set(endpoint.Name, report);
        foreach (var drifted in versions.SelectMany(v => v.Drift.Where(d => d.Alert).Select(d => (v.Version, d))))
        {
            logger.LogWarning(
                "Drift on {Endpoint} version {Version}, feature {Feature}: PSI {Psi:F3}, KS {Ks:F3}",
                endpoint.Name, drifted.Version, drifted.d.Feature, drifted.d.Psi, drifted.d.Ks);
        }

        if (plane is not null)
        {
            await plane.ReportMonitoringAsync(endpoint.Name, report, cancellationToken);
        }
    }

    private static VersionMonitoring Measure(ServedEndpoint endpoint, ServedVersion served, DriftPolicy policy)
    {
        var monitor = served.Model.Monitor;
        var figures = monitor.TakeSinceReport();
        var sampleSize = monitor.Sample.Count;
        var baseline = endpoint.Spec.Versions.FirstOrDefault(v => v.Version == served.Model.Version)?.Baseline ?? [];
        IReadOnlyList<FeatureDrift> drift = [];
        if (baseline.Length > 0 && monitor.FeatureNames is { } names && sampleSize >= Math.Max(1, policy.MinSamples))
        {
            var rows = monitor.Sample.Take().Inputs;
            sampleSize = rows.Length;
            drift = [.. baseline.Select(b => Drift(b, names, rows, policy)).OfType<FeatureDrift>()];
        }

        return new VersionMonitoring(
            int.TryParse(served.Model.Version, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 0,
            figures.Requests,
            figures.Errors,
            figures.P50Milliseconds,
            figures.P95Milliseconds,
            figures.P99Milliseconds,
            sampleSize,
            drift);
    }

    /// <summary>One feature's drift; <c>null</c> when the model has no such feature or the baseline is malformed.</summary>
    private static FeatureDrift? Drift(FeatureBaseline baseline, IReadOnlyList<string> names, float[][] rows, DriftPolicy policy)
    {
        var index = names.ToList().IndexOf(baseline.Feature);
        if (index < 0)
        {
            return null;
        }

        var values = rows.Select(r => (double)r[index]).ToArray();
        try
        {
            var psi = DriftStatistics.PopulationStabilityIndex(baseline.BinEdges, baseline.BinCounts, values);
            var ks = DriftStatistics.KolmogorovSmirnov(baseline.BinEdges, baseline.BinCounts, values);
            return new FeatureDrift(baseline.Feature, psi, ks, psi > policy.PsiThreshold || ks > policy.KsThreshold);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
