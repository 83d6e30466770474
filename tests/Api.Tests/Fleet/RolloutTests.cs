using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Deployments;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Fleet;

/// <summary>Rollouts over simulated devices: waves pass their gate, a failing version is rolled back everywhere it went, governance holds.</summary>
public sealed class RolloutTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    [Fact]
    public async Task A_healthy_wave_passes_its_gate_and_a_failing_version_is_rolled_back_on_every_touched_device_with_audit_and_events()
    {
        using var admin = await factory.AdminAsync();
        var site = FleetTestData.Unique("site");
        var model = DeploymentsApiFactory.NewName("detector");
        var (good, bad) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var devices = await FleetAsync(admin, site, 10);

        var first = await StartAsync(admin, model, good, site);
        var done = await DriveAsync(admin, devices, first, r => r.Text("state") == "Completed");
        Assert.All(devices, d => Assert.Equal(good, d.Serving(model)));
        Assert.Equal([1, 9], done["progress"]!.AsArray().Select(w => w!["healthy"]!.GetValue<int>()));
        var summary = await (await admin.GetAsync($"/api/v1/fleet/summary?selector=site%3D{site}&groupBy=site")).ExpectAsync(200);
        Assert.Equal((10, 10), (summary["byState"]!["Active"]!.GetValue<int>(), summary["byVersion"]!.AsArray().Single(v => v!.Text("model") == model)!["devices"]!.GetValue<int>()));
        Assert.Equal(site, summary["byGroup"]![0]!.Text("value"));
        var serving = await (await admin.GetAsync($"/api/v1/fleet/devices?model={model}&version={good}&limit=500")).ExpectAsync(200);
        Assert.Equal(10, serving["items"]!.AsArray().Count);
        var detail = await (await admin.GetAsync($"/api/v1/fleet/devices/{devices[0].Id}")).ExpectAsync(200);
        Assert.Equal((good, "Healthy"), (detail["models"]![0]!["servingVersion"]!.GetValue<int>(), detail["history"]![0]!.Text("status")));

        foreach (var device in devices)
        {
            device.Healthy = (_, version) => version != bad;
        }

        var second = await StartAsync(admin, model, bad, site);
        var rolledBack = await DriveAsync(admin, devices, second, r => r.Text("state") == "RolledBack");

        Assert.Contains("wave 1", rolledBack.Text("reason"));
        Assert.All(devices, d => Assert.Equal(good, d.Serving(model)));
        Assert.All(devices, d => Assert.Single(d.Applied, a => a.Version == good));
        var types = await EventTypesAsync(second);
        Assert.Contains("rollout.wave.passed", await EventTypesAsync(first));
        Assert.Contains("rollout.completed", await EventTypesAsync(first));
        Assert.Contains("rollout.rollingBack", types);
        Assert.Contains("rollout.rolledBack", types);
        var trail = await (await admin.GetAsync("/api/v1/audit?action=AdvanceRollout&limit=500")).ExpectAsync(200);
        Assert.Contains(trail["items"]!.AsArray(), e => e!.Text("entityId") == second);
    }

    [Fact]
    public async Task An_unapproved_version_is_422_a_viewer_is_403_and_bad_plans_are_400_naming_the_field()
    {
        using var admin = await factory.AdminAsync();
        using var viewer = await factory.UserAsync("Viewer");
        var model = DeploymentsApiFactory.NewName("unapproved");
        var version = await factory.VersionAsync(model, stage: null);
        var plan = new { model, version, waves = new[] { new { percent = 100 } } };

        var refused = await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", plan)).ExpectAsync(422);
        Assert.Contains("approved", refused.Text("detail"));
        await (await viewer.PostJsonAsync("/api/v1/fleet/rollouts", plan)).ExpectAsync(403);
        var bad = await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", new
        {
            model, version, waves = new object[] { new { percent = 50 }, new { percent = 10 }, new { percent = 150 } }, gate = new { maxFailurePercent = -5 },
        })).ExpectAsync(400);
        var fields = bad["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["gate.maxFailurePercent", "waves[1].percent", "waves[2].percent"], fields.Order());
    }

    /// <summary>The webhook events raised about a rollout (what the notification dispatcher sends), in order.</summary>
    private async Task<List<string>> EventTypesAsync(string rollout)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Platform.Application.Common.Interfaces.IPlatformDbContext>().PlatformEvents
            .Where(e => e.PayloadJson.Contains(rollout)).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync();
    }

    /// <summary>Enrols <paramref name="count"/> devices labelled with <paramref name="site"/>, each with its own key, trusting the keys it was given.</summary>
    private async Task<List<SimulatedDevice>> FleetAsync(HttpClient admin, string site, int count)
    {
        var devices = new List<SimulatedDevice>();
        for (var i = 0; i < count; i++)
        {
            var identity = factory.NewDevice();
            var enrolled = await identity.EnrolledAsync(await admin.EnrolmentTokenAsync(new { site }), $"{site}-{i:00}");
            var keys = enrolled["manifestKeys"].Deserialize<List<Platform.Contracts.Fleet.ManifestKey>>(Json.Options)!;
            devices.Add(new SimulatedDevice(identity, keys));
        }

        return devices;
    }

    /// <summary>Starts a rollout in two waves (10 %, then all), rolling back on a failed gate; answers its id.</summary>
    private static async Task<string> StartAsync(HttpClient admin, string model, int version, string site)
    {
        var started = await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", new
        {
            model, version, selector = $"site={site}", waves = new[] { new { percent = 10 }, new { percent = 100 } },
            gate = new { minReportingPercent = 100, maxFailurePercent = 0, timeoutSeconds = 60 }, onFailure = "Rollback",
        })).ExpectAsync(201);
        Assert.Equal("Running", started.Text("state"));
        return started.Text("id");
    }

    /// <summary>Lets every device poll until the rollout is as <paramref name="until"/> says (the driver ticks on its own meanwhile).</summary>
    private static async Task<JsonNode> DriveAsync(HttpClient admin, List<SimulatedDevice> devices, string rollout, Func<JsonNode, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var device in devices)
            {
                await device.PollAsync();
            }

            var state = await (await admin.GetAsync($"/api/v1/fleet/rollouts/{rollout}")).ExpectAsync(200);
            if (until(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The rollout never got there: {state.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
