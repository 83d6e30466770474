using System.Net.Http.Headers;
using Platform.Contracts.Api;
using Platform.MachineLearning.Datasets;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Monitoring;

/// <summary>Served inputs are sampled and compared with the training baseline on a schedule; a shifted distribution raises the alert.</summary>
public sealed class DriftMonitoringTests
{
    private static readonly DriftPolicy Policy = new(PsiThreshold: 0.2, KsThreshold: 0.2, MinSamples: 200, IntervalSeconds: 1);

    [Fact]
    public async Task Requests_from_a_shifted_distribution_raise_the_alert_and_requests_from_the_baseline_do_not()
    {
        await using var plane = await TestControlPlane.StartAsync();
        var baseline = Baseline();
        plane.State = new ServingDesiredState(1,
        [
            ControlPlaneStates.Endpoint(plane, "as-trained", 1, null, Policy, baseline, (1, 100, false)),
            ControlPlaneStates.Endpoint(plane, "shifted", 1, null, Policy, baseline, (1, 100, false)),
        ]);
        var settings = plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName);
        settings["Serving:MonitorTickMilliseconds"] = "100";
        await using var host = await ServingHost.StartAsync(settings: settings);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the control plane's state");

        // Every training row once, in a shuffled order so that any part of them is a fair sample; the shifted rows are scaled by 1.5.
        var order = Enumerable.Range(0, TestModel.Table.RowCount).OrderBy(_ => Random.Shared.Next()).ToArray();
        foreach (var row in order.Select(TestModel.Row))
        {
            Assert.Equal(200, (await host.Client.PostAsync("/v2/models/as-trained/predict", Requests.Records(row))).Status);
            Assert.Equal(200, (await host.Client.PostAsync("/v2/models/shifted/infer", Requests.Infer([.. row.Select(v => v * 1.5f)]))).Status);
        }

        await TestControlPlane.WaitUntilAsync(() => DriftReports(plane, "as-trained").Any() && DriftReports(plane, "shifted").Any(), "a drift report of each endpoint");
        var asTrained = DriftReports(plane, "as-trained").ToArray();
        var shifted = DriftReports(plane, "shifted").First();

        Assert.All(asTrained.SelectMany(v => v.Drift), d => Assert.False(d.Alert, $"{d.Feature}: PSI {d.Psi:F3}, KS {d.Ks:F3} on rows from the baseline"));
        Assert.Equal(TestModel.FeatureCount, asTrained[0].Drift.Count);
        Assert.True(shifted.SampleSize >= Policy.MinSamples, $"sample of {shifted.SampleSize}");
        Assert.Contains(shifted.Drift, d => d.Alert && d.Psi > Policy.PsiThreshold);
        Assert.True(shifted.Requests > 0 && shifted.P95Milliseconds > 0, $"figures: {shifted}");
    }

    [Fact]
    public async Task The_last_report_is_readable_on_the_host_with_its_alert()
    {
        await using var plane = await TestControlPlane.StartAsync();
        plane.State = new ServingDesiredState(1, [ControlPlaneStates.Endpoint(plane, "watched", 1, null, Policy with { MinSamples = 50 }, Baseline(), (1, 100, false))]);
        var settings = plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName);
        settings["Serving:MonitorTickMilliseconds"] = "100";
        await using var host = await ServingHost.StartAsync(settings: settings);
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the control plane's state");

        for (var i = 0; i < 60; i++)
        {
            await host.Client.PostAsync("/v2/models/watched/predict", Requests.Records([.. TestModel.Row(i).Select(v => (v * 3) + 100)]));
        }

        await TestControlPlane.WaitUntilAsync(() => DriftReports(plane, "watched").Any(), "a drift report");
        var (status, body) = await host.Client.GetJsonAsync("/v2/admin/monitoring");

        Assert.Equal(200, status);
        Assert.True(body["watched"]!["driftAlert"]!.GetValue<bool>(), body.ToJsonString());
        Assert.Equal(1, body["watched"]!["report"]!["revision"]!.GetValue<int>());
    }

    private static IEnumerable<VersionMonitoring> DriftReports(TestControlPlane plane, string endpoint) =>
        plane.Monitoring.Where(r => r.Endpoint == endpoint).SelectMany(r => r.Report.Versions).Where(v => v.Drift.Count > 0);

    /// <summary>Each feature's 10 quantile bins over the training rows, as the registry profiles a dataset.</summary>
    private static FeatureBaseline[] Baseline() =>
    [
        .. TestModel.FeatureNames.Select((name, f) =>
        {
            var sorted = TestModel.Table.Rows.Select(r => (double)r[f]).Order().ToArray();
            var edges = QuantileBins.Edges(sorted, 10);
            return new FeatureBaseline(name, edges, QuantileBins.Count(edges, sorted));
        }),
    ];
}
