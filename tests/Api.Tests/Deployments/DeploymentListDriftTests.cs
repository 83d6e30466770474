using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;
using Platform.Contracts.Api;
using static Platform.Api.Tests.Deployments.DeploymentsApiFactory;

namespace Platform.Api.Tests.Deployments;

/// <summary>The deployments list carries each deployment's drift alert, by the rule of its monitoring read, without monitoring figures.</summary>
public sealed class DeploymentListDriftTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task The_list_flags_a_deployment_whose_newest_report_alerts_and_not_one_whose_alert_cleared_or_that_never_reported()
    {
        var client = await factory.OperatorAsync();
        var (alerting, alertingVersion) = await DeployAsync("drift-on");
        var (cleared, clearedVersion) = await DeployAsync("drift-cleared");
        var (silent, _) = await DeployAsync("drift-silent");
        await ReportAsync(client, alerting, Reading(alertingVersion, 10, alert: false), minutesAgo: 2);
        await ReportAsync(client, alerting, Reading(alertingVersion, 20, alert: true), minutesAgo: 1);
        await ReportAsync(client, cleared, Reading(clearedVersion, 10, alert: true), minutesAgo: 2);
        await ReportAsync(client, cleared, Reading(clearedVersion, 20, alert: false), minutesAgo: 1);

        using var viewer = await factory.UserAsync("Viewer");
        var listed = await ListAllAsync(viewer);

        Assert.True(Flag(listed, alerting), $"{alerting}'s newest report alerts, yet the list says {listed[alerting]!.ToJsonString()}");
        Assert.False(Flag(listed, cleared), $"{cleared}'s alerting report was followed by a clean one, yet the list flags it");
        Assert.False(Flag(listed, silent), $"{silent} never reported, yet the list flags it");
        Assert.All([alerting, cleared, silent], name => Assert.Null(listed[name]!["monitoring"]));
    }

    [Fact]
    public async Task The_list_agrees_with_the_monitoring_read_when_one_version_alerts_and_the_other_reported_clean_since()
    {
        var client = await factory.OperatorAsync();
        var model = NewName("m");
        var (v1, v2) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var name = NewName("drift-two");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true });
        await ReportAsync(client, name, Reading(v1, 30, alert: true), minutesAgo: 2);
        await ReportAsync(client, name, Reading(v2, 5, alert: false), minutesAgo: 1);

        var listed = await ListAllAsync(client);
        var monitoring = await (await client.GetAsync($"/api/v1/deployments/{name}/monitoring")).ExpectAsync(200);
        var one = await (await client.GetAsync($"/api/v1/deployments/{name}")).ExpectAsync(200);

        Assert.True(monitoring["driftAlert"]!.GetValue<bool>(), "v1's newest report alerts, so the monitoring read should alert");
        Assert.True(Flag(listed, name), "the list should flag what the monitoring read flags: v1's newest report alerts though v2's is clean");
        Assert.True(one["driftAlert"]!.GetValue<bool>(), "the single deployment read should carry the same flag");
    }

    [Fact]
    public async Task A_drifting_canary_rolled_back_no_longer_raises_the_alert_though_its_figures_stay()
    {
        var client = await factory.OperatorAsync();
        var model = NewName("m");
        var (v1, v2) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var name = NewName("drift-off");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true });
        await ReportAsync(client, name, Reading(v1, 30, alert: false), minutesAgo: 2);
        await ReportAsync(client, name, Reading(v2, 5, alert: true), minutesAgo: 1);
        Assert.True(Flag(await ListAllAsync(client), name), "the serving canary's newest report alerts");

        var rolledBack = await (await client.PostJsonAsync(ServingControlPlaneApi.CanaryRollback(ServingControlPlaneApi.DefaultWorkspace, name),
            new CanaryRollbackReport(1, v2, "drill", 100, 60, 0.6, 9, Now.AddMinutes(-1), Now, "serving-a"))).ExpectAsync(200);

        Assert.False(rolledBack["deployment"]!["driftAlert"]!.GetValue<bool>());
        Assert.False(Flag(await ListAllAsync(client), name), "v2 serves no traffic any more, yet the list still flags the deployment");
        var monitoring = await (await client.GetAsync($"/api/v1/deployments/{name}/monitoring")).ExpectAsync(200);
        Assert.False(monitoring["driftAlert"]!.GetValue<bool>());
        Assert.True(monitoring["versions"]!.AsArray().Single(v => v!["version"]!.GetValue<int>() == v2)!["driftAlert"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_list_page_runs_as_many_queries_for_many_deployments_as_for_one()
    {
        var client = await factory.OperatorAsync();
        for (var i = 0; i < 3; i++)
        {
            var (name, version) = await DeployAsync("drift-count");
            await ReportAsync(client, name, Reading(version, 10, alert: i == 0), minutesAgo: 1);
        }

        factory.Server.PreserveExecutionContext = true;
        using var viewer = await factory.UserAsync("Viewer");
        using var counter = new QueryCounter();
        var one = await counter.CountAsync(() => PageAsync(viewer, 1, expected: 1));
        var many = await counter.CountAsync(() => PageAsync(viewer, 50, expected: 3));

        Assert.True(one > 0, "the counter saw none of the list request's queries, so it counts nothing");
        Assert.True(one == many, $"a page of one deployment ran {one} queries and a page of at least three {many}: some are per deployment");
        Assert.True(many <= 6, $"a page should take the deployments, their revisions, models and drift (and the caller's check and workspace), not {many} queries");
    }

    private static async Task PageAsync(HttpClient client, int limit, int expected)
    {
        var page = await (await client.GetAsync($"/api/v1/deployments?limit={limit}")).ExpectAsync(200);
        Assert.True(page["items"]!.AsArray().Count >= expected, $"a page of {limit} should hold at least {expected} deployments");
    }

    private async Task<(string Name, int Version)> DeployAsync(string prefix)
    {
        var model = NewName("m");
        var version = await factory.VersionAsync(model);
        var name = NewName(prefix);
        await factory.DeployActiveAsync(name, model, new { version, weight = 100 });
        return (name, version);
    }

    private static VersionMonitoring Reading(int version, long requests, bool alert) =>
        new(version, requests, 0, 1.0, 2.0, 3.0, 50, [new FeatureDrift("x", alert ? 0.9 : 0.01, alert ? 0.5 : 0.02, alert)]);

    private static async Task ReportAsync(HttpClient client, string name, VersionMonitoring reading, int minutesAgo) =>
        await (await client.PostJsonAsync(ServingControlPlaneApi.Monitoring(ServingControlPlaneApi.DefaultWorkspace, name),
            new MonitoringReport(1, Now.AddMinutes(-minutesAgo - 1), Now.AddMinutes(-minutesAgo), "serving-a", [reading]))).ExpectAsync(200);

    /// <summary>Every deployment in the list by name, read page by page (small pages, so that the flag is read across pages too).</summary>
    private static async Task<Dictionary<string, JsonNode>> ListAllAsync(HttpClient client)
    {
        var all = new Dictionary<string, JsonNode>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/deployments?limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}")).ExpectAsync(200);
            foreach (var item in page["items"]!.AsArray())
            {
                all.Add(item!["name"]!.GetValue<string>(), item);
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }

    private static bool Flag(Dictionary<string, JsonNode> listed, string name) =>
        Assert.Contains(name, (IReadOnlyDictionary<string, JsonNode>)listed)["driftAlert"]!.GetValue<bool>();
}
