using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Api;
using Platform.Serving.Monitoring;
using Platform.Serving.Telemetry;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Telemetry;

/// <summary>Requests, errors and latency are measured per model version.</summary>
public sealed class ServingMetricsTests
{
    [Fact]
    public async Task Counts_requests_and_errors_and_times_them_per_version()
    {
        var measurements = new ConcurrentBag<(string Instrument, string? Version, string? Error)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServingMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => measurements.Add((i.Name, Tag(tags, "model.version"), Tag(tags, "error.type"))));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => measurements.Add((i.Name, Tag(tags, "model.version"), Tag(tags, "error.type"))));
        listener.Start();
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("metered", ("7", 100)));

        await host.Client.PostAsync("/v2/models/metered/predict", Requests.Records(TestModel.Row(0)));
        await host.Client.PostAsync("/v2/models/metered/predict", new System.Text.Json.Nodes.JsonObject { ["records"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonArray(1)) });

        var mine = measurements.Where(m => m.Version == "7").ToArray();
        Assert.Equal(2, mine.Count(m => m.Instrument == "platform.serving.requests"));
        Assert.Equal(2, mine.Count(m => m.Instrument == "platform.serving.request.duration"));
        Assert.Equal(ServingMetrics.InvalidInput, Assert.Single(mine, m => m.Instrument == "platform.serving.errors").Error);
    }

    [Fact]
    public async Task Drift_gauges_read_each_versions_latest_report_per_feature()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("gauged", ("3", 100)));
        var now = DateTimeOffset.UtcNow;
        host.Services.GetRequiredService<MonitoringStore>().Set("gauged", new MonitoringReport(1, now.AddMinutes(-1), now, "h",
            [new VersionMonitoring(3, 10, 0, 1, 2, 3, 200, [new FeatureDrift("a", 0.31, 0.12, true), new FeatureDrift("b", 0.02, 0.04, false)])]));
        var observed = new ConcurrentBag<(string Instrument, double Value, string? Feature)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServingMetrics.MeterName && instrument.Name.StartsWith("platform.serving.drift.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains(("platform.serving.drift.psi", 0.31, "a"), observed);
        Assert.Contains(("platform.serving.drift.ks", 0.04, "b"), observed);
        Assert.Contains(("platform.serving.drift.alert", 1.0, (string?)null), observed);
        Assert.Equal(5, observed.Count);

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (Tag(tags, "model.name") == "gauged" && Tag(tags, "model.version") == "3")
            {
                observed.Add((instrument.Name, value, Tag(tags, "feature.name")));
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
