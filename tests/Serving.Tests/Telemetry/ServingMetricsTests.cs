using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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
