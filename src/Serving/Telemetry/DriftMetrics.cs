using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Contracts.Api;
using Platform.Serving.Monitoring;

namespace Platform.Serving.Telemetry;

/// <summary>
/// Drift as gauges on the serving meter, read from each endpoint's latest monitoring report when a collector asks:
/// <c>platform.serving.drift.psi</c> and <c>platform.serving.drift.ks</c> per model version and feature
/// (<c>feature.name</c>), and <c>platform.serving.drift.alert</c> (1 while any feature of the version is past a
/// threshold, else 0) per model version. <c>model.name</c> is the endpoint, as on the request metrics.
/// </summary>
internal static class DriftMetrics
{
    public static void Observe(Meter meter, MonitoringStore store)
    {
        meter.CreateObservableGauge("platform.serving.drift.psi", () => Features(store, d => d.Psi), "1", "Population stability index of a feature over the latest sample.");
        meter.CreateObservableGauge("platform.serving.drift.ks", () => Features(store, d => d.Ks), "1", "Kolmogorov-Smirnov statistic of a feature over the latest sample.");
        meter.CreateObservableGauge("platform.serving.drift.alert", () => Alerts(store), "1", "1 while a feature of the model version is past a drift threshold.");
    }

    private static IEnumerable<Measurement<double>> Features(MonitoringStore store, Func<FeatureDrift, double> figure) =>
        from endpoint in store.Latest
        from version in endpoint.Value.Report.Versions
        from drift in version.Drift
        select new Measurement<double>(figure(drift), Tags(endpoint.Key, version.Version, drift.Feature));

    private static IEnumerable<Measurement<int>> Alerts(MonitoringStore store) =>
        from endpoint in store.Latest
        from version in endpoint.Value.Report.Versions
        select new Measurement<int>(version.Drift.Any(d => d.Alert) ? 1 : 0, Tags(endpoint.Key, version.Version, null));

    private static TagList Tags(string endpoint, int version, string? feature)
    {
        var tags = new TagList { { "model.name", endpoint }, { "model.version", version.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        if (feature is not null)
        {
            tags.Add("feature.name", feature);
        }

        return tags;
    }
}
