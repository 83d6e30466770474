using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Deployments;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Fleet;

/// <summary>A rollout started with an approval required: it gives nothing until an Approver other than its starter approves it, or it is rejected or withdrawn.</summary>
public sealed class RolloutApprovalTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    [Fact]
    public async Task It_waits_giving_nothing_its_starter_and_non_approvers_are_refused_and_an_approver_starts_it()
    {
        using var admin = await factory.AdminAsync();
        using var starter = await factory.UserAsync("Operator", "Approver");
        using var operatorOnly = await factory.UserAsync("Operator");
        using var approver = await factory.UserAsync("Approver");
        var (site, model) = (FleetTestData.Unique("appr"), DeploymentsApiFactory.NewName("gated"));
        var version = await factory.VersionAsync(model);
        var devices = await FleetAsync(admin, site, 2);

        var started = await (await starter.PostJsonAsync("/api/v1/fleet/rollouts", Plan(model, version, site))).ExpectAsync(201);
        var id = started.Text("id");
        Assert.Equal(("AwaitingApproval", true, 0), (started.Text("state"), started["requiresApproval"]!.GetValue<bool>(), started["assigned"]!.GetValue<int>()));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await PollAsync(devices);
        Assert.All(devices, d => Assert.Null(d.Serving(model)));
        var again = await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", Plan(model, version, site))).ExpectAsync(409);
        Assert.Equal("rollout.active", again.Text("code"));

        var self = await (await starter.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { comment = "mine" })).ExpectAsync(409);
        Assert.Equal("rollout.self-approval", self.Text("code"));
        await (await operatorOnly.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { })).ExpectAsync(403);
        var tooLong = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { comment = new string('x', 2001) })).ExpectAsync(400);
        Assert.Contains("comment", tooLong["errors"]!.AsObject().Select(e => e.Key));
        var approved = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { comment = "change window open" })).ExpectAsync(200);

        Assert.Equal(("Running", "change window open"), (approved.Text("state"), approved.Text("approvalComment")));
        Assert.NotEqual(started.Text("createdBy"), approved.Text("approvedBy"));
        Assert.NotNull(approved["approvedAt"]);
        var done = await DriveAsync(admin, devices, id, r => r.Text("state") == "Completed");
        Assert.All(devices, d => Assert.Equal(version, d.Serving(model)));
        Assert.Equal(approved.Text("approvedBy"), done.Text("approvedBy"));
        var twice = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { })).ExpectAsync(409);
        Assert.Equal("rollout.not-awaiting-approval", twice.Text("code"));
        Assert.Equal(["rollout.approvalRequested", "rollout.started"], (await EventTypesAsync(id)).Take(2));
        var trail = await (await admin.GetAsync("/api/v1/audit?action=ApproveRollout&limit=500")).ExpectAsync(200);
        Assert.Contains(trail["items"]!.AsArray(), e => e!.Text("entityId") == id);
    }

    [Fact]
    public async Task A_rejection_needs_a_comment_ends_it_with_that_reason_and_frees_the_model_for_another_rollout()
    {
        using var admin = await factory.AdminAsync();
        using var approver = await factory.UserAsync("Approver");
        var (site, model) = (FleetTestData.Unique("rej"), DeploymentsApiFactory.NewName("refused"));
        var version = await factory.VersionAsync(model);
        var devices = await FleetAsync(admin, site, 1);
        var id = (await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", Plan(model, version, site))).ExpectAsync(201)).Text("id");

        var blank = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/reject", new { comment = " " })).ExpectAsync(400);
        Assert.Contains("comment", blank["errors"]!.AsObject().Select(e => e.Key));
        var rejected = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/reject", new { comment = "not during the freeze" })).ExpectAsync(200);

        Assert.Equal("Rejected", rejected.Text("state"));
        Assert.StartsWith("not during the freeze", rejected.Text("reason"));
        Assert.NotNull(rejected["endedAt"]);
        var late = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { })).ExpectAsync(409);
        Assert.Equal("rollout.not-awaiting-approval", late.Text("code"));
        await PollAsync(devices);
        Assert.Null(devices[0].Serving(model));
        var types = await EventTypesAsync(id);
        Assert.Equal(["rollout.approvalRequested", "rollout.rejected"], types);
        var next = await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", Plan(model, version, site, requireApproval: false))).ExpectAsync(201);
        Assert.Equal("Running", next.Text("state"));
    }

    [Fact]
    public async Task The_fleet_is_counted_again_on_approval_and_an_operator_may_withdraw_one_awaiting_it()
    {
        using var admin = await factory.AdminAsync();
        using var approver = await factory.UserAsync("Approver");
        var (site, model) = (FleetTestData.Unique("cnt"), DeploymentsApiFactory.NewName("recount"));
        var version = await factory.VersionAsync(model);
        var first = await FleetAsync(admin, site, 1);
        var id = (await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", Plan(model, version, site))).ExpectAsync(201)).Text("id");
        await (await admin.PostAsync($"/api/v1/fleet/devices/{first[0].Id}/suspend", null)).ExpectAsync(200);

        var none = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { })).ExpectAsync(409);
        Assert.Equal("rollout.no-devices", none.Text("code"));
        await FleetAsync(admin, site, 2);
        var approved = await (await approver.PostJsonAsync($"/api/v1/fleet/rollouts/{id}/approve", new { })).ExpectAsync(200);
        Assert.Equal(("Running", 2), (approved.Text("state"), approved["totalDevices"]!.GetValue<int>()));

        var other = DeploymentsApiFactory.NewName("withdrawn");
        var waiting = (await (await admin.PostJsonAsync("/api/v1/fleet/rollouts", Plan(other, await factory.VersionAsync(other), site))).ExpectAsync(201)).Text("id");
        var aborted = await (await admin.PostJsonAsync($"/api/v1/fleet/rollouts/{waiting}/abort", new { reason = "not needed" })).ExpectAsync(200);
        Assert.Equal("Aborted", aborted.Text("state"));
        Assert.Equal(["rollout.approvalRequested", "rollout.aborted"], await EventTypesAsync(waiting));
    }

    private static object Plan(string model, int version, string site, bool requireApproval = true) => new
    {
        model, version, selector = $"site={site}", waves = new[] { new { percent = 100 } }, gate = new { minReportingPercent = 100, maxFailurePercent = 0, timeoutSeconds = 60 },
        requireApproval,
    };

    private static async Task PollAsync(List<SimulatedDevice> devices)
    {
        foreach (var device in devices)
        {
            await device.PollAsync();
        }
    }

    /// <summary>The webhook events raised about a rollout, in order.</summary>
    private async Task<List<string>> EventTypesAsync(string rollout)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Platform.Application.Common.Interfaces.IPlatformDbContext>().PlatformEvents
            .Where(e => e.PayloadJson.Contains(rollout)).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync();
    }

    private async Task<List<SimulatedDevice>> FleetAsync(HttpClient admin, string site, int count)
    {
        var devices = new List<SimulatedDevice>();
        for (var i = 0; i < count; i++)
        {
            var identity = factory.NewDevice();
            var enrolled = await identity.EnrolledAsync(await admin.EnrolmentTokenAsync(new { site }), $"{site}-{Guid.NewGuid():N}"[..(site.Length + 6)]);
            devices.Add(new SimulatedDevice(identity, enrolled["manifestKeys"].Deserialize<List<Platform.Contracts.Fleet.ManifestKey>>(Json.Options)!));
        }

        return devices;
    }

    private static async Task<JsonNode> DriveAsync(HttpClient admin, List<SimulatedDevice> devices, string rollout, Func<JsonNode, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await PollAsync(devices);
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
