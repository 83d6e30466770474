using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Platform.Contracts.Api;
using Platform.Serving.Telemetry;

namespace Platform.Serving.Monitoring;

/// <summary>The last monitoring report of each endpoint, as <c>GET /v2/admin/monitoring</c> shows it and the drift gauges read it (<see cref="DriftMetrics"/>).</summary>
public sealed class MonitoringStore
{
    private readonly ConcurrentDictionary<string, EndpointMonitoring> _latest = new(StringComparer.Ordinal);

    public MonitoringStore(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        DriftMetrics.Observe(meters.Create(ServingMetrics.MeterName), this);
    }

    public IReadOnlyDictionary<string, EndpointMonitoring> Latest => _latest;

    public void Set(string endpoint, MonitoringReport report) =>
        _latest[endpoint] = new EndpointMonitoring(report, report.Versions.Any(v => v.Drift.Any(d => d.Alert)));
}

/// <summary>An endpoint's last report and whether any feature of any version is past a drift threshold.</summary>
public sealed record EndpointMonitoring(MonitoringReport Report, bool DriftAlert);
