using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Fleet;
using Platform.Api.Tests.Notifications;
using Platform.Api.Tests.Support;
using Platform.Contracts.Fleet;
using Platform.Host.Tests.Support;
using static Platform.Host.Tests.Support.DeploymentRequests;
using static Platform.Host.Tests.Support.RegistryRequests;

namespace Platform.Host.Tests.Fleet;

/// <summary>
/// A rollout over a simulated fleet (many devices in this process, each with its own key, token and state) talking real
/// HTTP to the embedded host: three healthy waves pass their gates one after another; a version whose devices fail in
/// wave 1 stops the rollout and every device it touched is back on the previous version, with the audit trail and the
/// webhook deliveries (signed, to a real receiver) to show it.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class FleetSimulatorTests(JobHost host)
{
    private const int Devices = 20;

    [Fact]
    public async Task Healthy_waves_pass_in_turn_and_a_failing_version_is_rolled_back_on_every_touched_device()
    {
        using var scientist = await host.UserAsync("DataScientist");
        using var approver = await host.UserAsync("Approver");
        using var operatorUser = await host.UserAsync("Operator");
        using var admin = await host.UserAsync("Admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (model, site) = ("sim-" + suffix, "sim-site-" + suffix);
        var good = await ApprovedVersionAsync(scientist.Client, approver.Client, model, "good_" + suffix);
        var bad = await ApprovedVersionAsync(scientist.Client, approver.Client, model, "bad_" + suffix);
        var port = WebhookReceiver.FreePort();
        var hook = await admin.Client.PostAsJsonAsync("/api/v1/webhooks", new
        {
            name = "fleet " + suffix, url = $"http://127.0.0.1:{port}/hooks/platform",
            eventTypes = new[] { "rollout.wave.passed", "rollout.completed", "rollout.rollingBack", "rollout.rolledBack" },
        }).ExpectAsync(201, "webhook");
        await using var receiver = new WebhookReceiver(port, hook["secret"]!.GetValue<string>());
        await receiver.StartAsync();
        var fleet = await FleetAsync(operatorUser.Client, site);

        var first = await StartAsync(operatorUser.Client, model, good, site);
        var completed = await DriveAsync(operatorUser.Client, fleet, first, "Completed");
        Assert.Equal([2, 8, 10], completed["progress"]!.AsArray().Select(w => w!["healthy"]!.GetValue<int>()));
        Assert.All(fleet, d => Assert.Equal(good, d.Serving(model)));

        fleet.ForEach(d => d.Healthy = (_, version) => version != bad);
        var second = await StartAsync(operatorUser.Client, model, bad, site);
        var rolledBack = await DriveAsync(operatorUser.Client, fleet, second, "RolledBack");

        Assert.Contains("wave 1", rolledBack["reason"]!.GetValue<string>());
        Assert.Equal((2, 2), (rolledBack["progress"]![0]!["rolledBack"]!.GetValue<int>(), rolledBack["assigned"]!.GetValue<int>()));
        Assert.All(fleet, d => Assert.Equal(good, d.Serving(model)));
        Assert.All(fleet, d => Assert.Single(d.Applied));
        var trail = await admin.Client.GetAsync($"/api/v1/audit?action=AdvanceRollout&entityId={second}&limit=100").ExpectAsync(200, "audit");
        Assert.True(trail["items"]!.AsArray().Count >= 2, trail.ToJsonString());
        var delivered = await DeliveredAsync(receiver, [first, second], 5);
        Assert.Equal(
            ["rollout.wave.passed", "rollout.wave.passed", "rollout.wave.passed", "rollout.completed", "rollout.rollingBack", "rollout.rolledBack"],
            delivered);
    }

    private static async Task<int> ApprovedVersionAsync(HttpClient scientist, HttpClient approver, string model, string input)
    {
        var run = await TrainingRequests.NewRunAsync(scientist);
        await scientist.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent(TinyOnnxModel.Bytes(input))).ExpectAsync(200, "model file");
        var version = (await RegisterAsync(scientist, model, run, 201))["version"]!.GetValue<int>();
        await ApproveIntoProductionAsync(scientist, approver, model, version);
        return version;
    }

    private async Task<List<SimulatedDevice>> FleetAsync(HttpClient operatorClient, string site)
    {
        var fleet = new List<SimulatedDevice>();
        for (var i = 0; i < Devices; i++)
        {
            var secret = (await operatorClient.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "sim", labels = new { site } }).ExpectAsync(201, "token"))["secret"]!.GetValue<string>();
            var identity = new TestDevice(host.AnonymousClient, Authorized);
            var enrolled = await identity.EnrolledAsync(secret, $"{site}-{i:00}");
            fleet.Add(new SimulatedDevice(identity, enrolled["manifestKeys"].Deserialize<List<ManifestKey>>(Json.Options)!));
        }

        return fleet;
    }

    private HttpClient Authorized(string token)
    {
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> StartAsync(HttpClient operatorClient, string model, int version, string site) =>
        (await operatorClient.PostAsJsonAsync("/api/v1/fleet/rollouts", new
        {
            model, version, selector = $"site={site}", waves = new[] { new { percent = 10 }, new { percent = 50 }, new { percent = 100 } },
            gate = new { minReportingPercent = 100, maxFailurePercent = 0, timeoutSeconds = 60 }, onFailure = "Rollback",
        }).ExpectAsync(201, "rollout"))["id"]!.GetValue<string>();

    private static async Task<JsonNode> DriveAsync(HttpClient operatorClient, List<SimulatedDevice> fleet, string rollout, string state)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            await Task.WhenAll(fleet.Select(d => d.PollAsync()));
            var seen = await operatorClient.GetAsync($"/api/v1/fleet/rollouts/{rollout}").ExpectAsync(200, "rollout");
            if (seen["state"]!.GetValue<string>() == state)
            {
                return seen;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"never {state}: {seen.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The event types delivered (signature checked) about these rollouts, in order, once at least <paramref name="count"/> arrived.</summary>
    private static async Task<List<string>> DeliveredAsync(WebhookReceiver receiver, string[] rollouts, int count)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var ours = receiver.Received.Where(r => r.SignatureValid && rollouts.Any(r.Body.Contains))
                .Select(r => JsonNode.Parse(r.Body)!).OrderBy(e => e["occurredAt"]!.GetValue<DateTimeOffset>()).Select(e => e["type"]!.GetValue<string>()).ToList();
            if (ours.Count > count || DateTimeOffset.UtcNow > until)
            {
                return ours;
            }

            await Task.Delay(250);
        }
    }
}
