using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;
using Platform.Contracts.Api;
using static Platform.Api.Tests.Deployments.DeploymentsApiFactory;

namespace Platform.Api.Tests.Deployments;

/// <summary>
/// A deployment's monitoring history: every kept report newest first, paged by cursor without skips or repeats, one
/// version's only when asked, readable by a Viewer; unknown deployments, tampered cursors and bad limits are refused.
/// </summary>
public sealed class MonitoringHistoryTests(DeploymentsApiFactory factory) : IClassFixture<DeploymentsApiFactory>
{
    /// <summary>An hour ago to the second (times are kept to the millisecond).</summary>
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

    [Fact]
    public async Task A_viewer_pages_through_every_report_newest_first_without_skips_or_repeats()
    {
        var (name, posted) = await DeployWithReportsAsync(count: 7);
        using var viewer = await factory.UserAsync("Viewer");

        var (read, pages) = await ReadAllAsync(viewer, $"/api/v1/deployments/{name}/monitoring/history?limit=3");

        Assert.Equal([.. posted.AsEnumerable().Reverse()], read);
        Assert.True(pages == 3, $"7 reports at 3 a page should take 3 pages, took {pages}");
    }

    [Fact]
    public async Task The_version_filter_answers_only_that_versions_reports_newest_first()
    {
        var (name, posted) = await DeployWithReportsAsync(count: 6);
        var canary = posted[1].Version;
        var client = await factory.OperatorAsync();

        var (read, _) = await ReadAllAsync(client, $"/api/v1/deployments/{name}/monitoring/history?version={canary}&limit=2");

        Assert.Equal([.. posted.Where(p => p.Version == canary).Reverse()], read);
    }

    [Fact]
    public async Task An_item_carries_the_figures_a_chart_needs()
    {
        var (name, posted) = await DeployWithReportsAsync(count: 1);
        var client = await factory.OperatorAsync();

        var page = await (await client.GetAsync($"/api/v1/deployments/{name}/monitoring/history")).ExpectAsync(200);

        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Null(page["nextCursor"]);
        Assert.Equal(posted[0].Requests, item["requests"]!.GetValue<long>());
        Assert.Equal(0.1, item["errorRate"]!.GetValue<double>(), 6);
        Assert.Equal(2.0, item["p95Milliseconds"]!.GetValue<double>());
        Assert.Equal(0.3, item["drift"]![0]!["psi"]!.GetValue<double>());
        Assert.Equal(Start.AddMinutes(1), item["to"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task An_unknown_deployment_is_404()
    {
        var client = await factory.OperatorAsync();

        await (await client.GetAsync($"/api/v1/deployments/{NewName("missing")}/monitoring/history")).ExpectAsync(404);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor%21", "cursor")]
    [InlineData("cursor=eyJ4Ijo", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("version=0", "version")]
    public async Task Bad_paging_or_version_is_400_naming_the_field(string query, string field)
    {
        var (name, _) = await DeployWithReportsAsync(count: 1);
        var client = await factory.OperatorAsync();

        var problem = await (await client.GetAsync($"/api/v1/deployments/{name}/monitoring/history?{query}")).ExpectAsync(400);

        Assert.True(problem["errors"]?[field] is not null, $"?{query} should be refused naming {field}: {problem.ToJsonString()}");
    }

    /// <summary>A deployment of v1 90% and canary v2 10% with <paramref name="count"/> reports, one version each, alternating v1 and v2.</summary>
    private async Task<(string Name, List<(int Version, long Requests)> Posted)> DeployWithReportsAsync(int count)
    {
        var client = await factory.OperatorAsync();
        var model = NewName("m");
        var (v1, v2) = (await factory.VersionAsync(model), await factory.VersionAsync(model));
        var name = NewName("history");
        await factory.DeployActiveAsync(name, model, new { version = v1, weight = 90 }, new { version = v2, weight = 10, canary = true });
        var posted = new List<(int Version, long Requests)>();
        for (var i = 0; i < count; i++)
        {
            var (version, requests) = (i % 2 == 0 ? v1 : v2, 100L + (10 * i));
            var reading = new VersionMonitoring(version, requests, requests / 10, 1.0, 2.0, 3.0, 50, [new FeatureDrift("x", 0.3, 0.1, false), new FeatureDrift("y", 0.05, 0.02, false)]);
            await (await client.PostJsonAsync(ServingControlPlaneApi.Monitoring(ServingControlPlaneApi.DefaultWorkspace, name),
                new MonitoringReport(1, Start.AddMinutes(i), Start.AddMinutes(i + 1), "serving-a", [reading]))).ExpectAsync(200);
            posted.Add((version, requests));
        }

        return (name, posted);
    }

    /// <summary>Every item from <paramref name="first"/> on, following nextCursor, and how many pages that took.</summary>
    private static async Task<(List<(int Version, long Requests)> Items, int Pages)> ReadAllAsync(HttpClient client, string first)
    {
        var items = new List<(int Version, long Requests)>();
        var (cursor, pages) = ((string?)null, 0);
        do
        {
            var page = await (await client.GetAsync(first + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"))).ExpectAsync(200);
            pages++;
            items.AddRange(page["items"]!.AsArray().Select(i => (i!["version"]!.GetValue<int>(), i["requests"]!.GetValue<long>())));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(pages < 20, $"paging {first} did not end");
        }
        while (cursor is not null);
        return (items, pages);
    }
}
