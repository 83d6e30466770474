using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

public sealed class RunSearchApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Filters_on_params_metrics_and_tags_and_orders_by_a_metric_across_pages()
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        var expected = new List<(string Id, double Auc)>();
        for (var i = 0; i < 12; i++)
        {
            var team = i % 3 == 0 ? "fraud" : "risk";
            var run = await client.CreateRunAsync(experiment, new
            {
                @params = new Dictionary<string, string> { ["lr"] = i % 2 == 0 ? "0.1" : "0.01" },
                tags = new Dictionary<string, string> { ["team"] = team },
            });
            if (i == 11)
            {
                continue; // no auc at all: comes after every run that has one
            }

            var auc = 0.5 + (i * 7 % 11) / 25.0;
            await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = new[] { new { key = "auc", value = auc, step = 0 } } }))
                .ExpectAsync(200);
            if (team == "risk")
            {
                expected.Add((run, auc));
            }
        }

        var lastWithoutAuc = (await (await client.GetAsync($"/api/v1/experiments/{experiment}/runs?limit=1")).ExpectAsync(200))["items"]![0]!["id"]!
            .GetValue<string>();
        var ordered = expected.OrderByDescending(r => r.Auc).Select(r => r.Id).Append(lastWithoutAuc).ToList();

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.PostJsonAsync("/api/v1/runs/search", new
            {
                experimentIds = new[] { experiment },
                filter = "tags.team = 'risk'",
                orderBy = "metrics.auc DESC",
                limit = 3,
                cursor,
            })).ExpectAsync(200);
            seen.AddRange(page["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(ordered, seen);

        var filtered = await (await client.GetAsync(
            $"/api/v1/experiments/{experiment}/runs?filter=" + Uri.EscapeDataString("metrics.auc >= 0.8 and params.lr = '0.1'"))).ExpectAsync(200);
        foreach (var run in filtered["items"]!.AsArray())
        {
            Assert.Equal("0.1", run!["params"]!["lr"]!.GetValue<string>());
            Assert.True(run["metrics"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == "auc")!["value"]!.GetValue<double>() >= 0.8);
        }

        Assert.NotEmpty(filtered["items"]!.AsArray());
    }

    [Fact]
    public async Task A_filter_that_does_not_parse_is_400_naming_filter_with_the_position()
    {
        using var client = await factory.UserAsync("Viewer");
        using var scientist = await factory.UserAsync("DataScientist");
        var experiment = await scientist.CreateExperimentAsync();
        var problem = await (await client.PostJsonAsync("/api/v1/runs/search", new
        {
            experimentIds = new[] { experiment },
            filter = "metrics.auc > 'high'",
        })).ExpectAsync(400);
        Assert.Contains("position", problem["errors"]!["filter"]![0]!.GetValue<string>());

        problem = await (await client.PostJsonAsync("/api/v1/runs/search", new { experimentIds = new[] { experiment }, filter = "x; DROP TABLE Runs" }))
            .ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["filter"]);
        problem = await (await client.PostJsonAsync("/api/v1/runs/search", new { experimentIds = new[] { experiment }, orderBy = "params.lr sideways" }))
            .ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["orderBy"]);
        await (await client.PostJsonAsync("/api/v1/runs/search", new { experimentIds = new[] { Guid.NewGuid() } })).ExpectAsync(404);
    }
}
