using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Contracts.Api;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Monitoring;

/// <summary>A canary that fails is rolled back by the host at once, reported, and never served again for that revision.</summary>
public sealed class CanaryRollbackTests : IAsyncLifetime
{
    private const int RequestCount = 2_000;
    private static readonly CanaryPolicy Policy = new(MaxErrorRate: 0.05, MaxP95Milliseconds: 5_000, WindowSeconds: 60, MinRequests: 20);
    private TestControlPlane _plane = null!;
    private ServingHost _host = null!;

    public async Task InitializeAsync()
    {
        _plane = await TestControlPlane.StartAsync();
        _plane.State = new ServingDesiredState(1, [ControlPlaneStates.Endpoint(_plane, "canaried", 1, Policy, null, null, (1, 90, false), (2, 10, true))]);
        _plane.RollbackFailuresToGive = 1;
        var settings = _plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName);
        settings["Serving:AllowFaultInjection"] = "true";
        settings["Serving:CanaryCheckMilliseconds"] = "50";
        _host = await ServingHost.StartAsync(settings: settings);
        _host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        _host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);
        await TestControlPlane.WaitUntilAsync(() => _host.State.IsReady, "the control plane's state");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _plane.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_canary_is_rolled_back_reported_and_not_served_again_while_every_request_is_answered()
    {
        using var fault = await _host.Client.PutAsJsonAsync("/v2/admin/faults", new { endpoint = "canaried", version = "2", errorRate = 1.0, addedLatencyMs = 0 });
        Assert.Equal(200, (int)fault.StatusCode);

        var failures = await SendAsync(RequestCount, new ConcurrentBag<string>());
        Assert.True(failures.IsEmpty, $"{failures.Count} of {RequestCount} requests were not answered 200, e.g. {failures.FirstOrDefault()}");

        await TestControlPlane.WaitUntilAsync(() => !_plane.Rollbacks.IsEmpty, "the rollback report (the first attempt is refused with 503)");
        var (endpoint, report) = Assert.Single(_plane.Rollbacks);
        Assert.Equal("canaried", endpoint);
        Assert.Equal((1, 2), (report.Revision, report.Version));
        Assert.True(report.Errors >= Policy.MinRequests && report.ErrorRate > Policy.MaxErrorRate, $"report: {report}");
        Assert.Equal([90, 0], _host.State.Current.Endpoints["canaried"].Versions.Select(v => v.Weight));

        // With the fault gone, v2 would answer whatever reached it: nothing may.
        using var cleared = await _host.Client.DeleteAsync("/v2/admin/faults");
        var versions = new ConcurrentBag<string>();
        Assert.Empty(await SendAsync(500, versions));
        Assert.All(versions, v => Assert.Equal("1", v));
    }

    [Fact]
    public async Task The_sync_does_not_put_a_rolled_back_canary_back_but_serves_the_next_revision()
    {
        using var fault = await _host.Client.PutAsJsonAsync("/v2/admin/faults", new { endpoint = "canaried", version = "2", errorRate = 1.0, addedLatencyMs = 0 });
        await SendAsync(400, new ConcurrentBag<string>());
        await TestControlPlane.WaitUntilAsync(() => _host.State.Current.Endpoints["canaried"].Versions[1].Weight == 0, "the rollback");

        var reads = _plane.DesiredStateReads;
        await TestControlPlane.WaitUntilAsync(() => _plane.DesiredStateReads >= reads + 5, "five more polls of the unchanged state");
        Assert.Equal([90, 0], _host.State.Current.Endpoints["canaried"].Versions.Select(v => v.Weight));

        _plane.State = new ServingDesiredState(2, [ControlPlaneStates.Endpoint(_plane, "canaried", 2, Policy, null, null, (1, 90, false), (2, 10, true))]);
        await TestControlPlane.WaitUntilAsync(() => _host.State.Current.Endpoints["canaried"].Spec.Revision == 2, "revision 2");
        Assert.Equal([90, 10], _host.State.Current.Endpoints["canaried"].Versions.Select(v => v.Weight));
    }

    [Fact]
    public async Task Faults_cannot_be_injected_unless_the_host_allows_it()
    {
        await using var host = await ServingHost.StartAsync();
        host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);

        using var put = await host.Client.PutAsJsonAsync("/v2/admin/faults", new { endpoint = "any", version = "1", errorRate = 1.0, addedLatencyMs = 0 });

        Assert.Equal(403, (int)put.StatusCode);
    }

    private async Task<ConcurrentBag<string>> SendAsync(int count, ConcurrentBag<string> versions)
    {
        var failures = new ConcurrentBag<string>();
        var body = Requests.Records(TestModel.Row(0));
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
        {
            var (status, response) = await _host.Client.PostAsync("/v2/models/canaried/predict", body);
            if (status == 200)
            {
                versions.Add(response["model_version"]!.GetValue<string>());
            }
            else
            {
                failures.Add($"{status} {response}");
            }
        });
        return failures;
    }
}
