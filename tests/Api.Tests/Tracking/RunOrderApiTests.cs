using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

/// <summary>Ordering runs by name and by status, page by page, as the portal's sortable columns ask.</summary>
public sealed class RunOrderApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Runs_order_by_name_across_pages(string direction)
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        string[] names = ["delta", "alpha", "echo", "charlie", "bravo"];
        foreach (var name in names)
        {
            await client.CreateRunAsync(experiment, new { name });
        }

        var seen = await AllAsync(client, experiment, $"attributes.name {direction}", r => r["name"]!.GetValue<string>());

        var expected = direction == "asc" ? names.Order(StringComparer.Ordinal) : names.OrderDescending(StringComparer.Ordinal);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Runs_order_by_status_across_pages_and_an_unknown_attribute_is_400_naming_orderBy()
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        foreach (var status in new[] { "Failed", null, "Finished", null, "Killed" })
        {
            var run = await client.CreateRunAsync(experiment);
            if (status is not null)
            {
                await (await client.PatchJsonAsync($"/api/v1/runs/{run}", new { status })).ExpectAsync(200);
            }
        }

        var seen = await AllAsync(client, experiment, "attributes.status ASC", r => r["status"]!.GetValue<string>());
        Assert.Equal(["Running", "Running", "Finished", "Failed", "Killed"], seen);

        var problem = await (await client.GetAsync($"/api/v1/experiments/{experiment}/runs?orderBy=attributes.created_by")).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["orderBy"]);
    }

    [Fact]
    public async Task Ordering_by_a_metric_pages_on_to_the_runs_without_it_when_a_page_ends_exactly_at_the_last_with_it()
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        foreach (var (name, auc) in new[] { ("low", (double?)0.7), ("none", null), ("high", 0.9) })
        {
            var run = await client.CreateRunAsync(experiment, new { name });
            if (auc is { } value)
            {
                await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = new[] { new { key = "auc", value, step = 1 } } })).ExpectAsync(200);
            }
        }

        var seen = await AllAsync(client, experiment, "metrics.auc DESC", r => r["name"]!.GetValue<string>());

        Assert.Equal(["high", "low", "none"], seen);
    }

    private static async Task<List<string>> AllAsync(HttpClient client, string experiment, string orderBy, Func<System.Text.Json.Nodes.JsonNode, string> value)
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync(
                $"/api/v1/experiments/{experiment}/runs?limit=2&orderBy={Uri.EscapeDataString(orderBy)}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).ExpectAsync(200);
            seen.AddRange(page["items"]!.AsArray().Select(r => value(r!)));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return seen;
    }
}
