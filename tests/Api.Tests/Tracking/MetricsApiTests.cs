using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

public sealed class MetricsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Logs_1000_points_in_one_request_and_reads_the_history_back_in_step_order()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        // Sent in reverse step order, so that the read proves the ordering.
        var points = Enumerable.Range(0, 1000).Select(i => new { key = "loss", value = 1.0 / (1000 - i), step = 999 - i, timestamp = 1_700_000_000_000L + i });
        var accepted = await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = points })).ExpectAsync(200);
        Assert.Equal(1000, accepted["accepted"]!.GetValue<int>());

        var history = await (await client.GetAsync($"/api/v1/runs/{run}/metrics/history?key=loss")).ExpectAsync(200);
        var items = history["items"]!.AsArray();
        Assert.Equal(1000, items.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(s => (long)s), items.Select(p => p!["step"]!.GetValue<long>()));
        Assert.Equal(1.0 / 1, items[0]!["value"]!.GetValue<double>());
        Assert.Null(history["nextCursor"]);

        var latest = (await (await client.GetAsync($"/api/v1/runs/{run}")).ExpectAsync(200))["metrics"]!.AsArray().Single()!;
        Assert.Equal(999, latest["step"]!.GetValue<long>());
        Assert.Equal(1.0 / 1000, latest["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task History_pages_by_cursor_without_losing_or_repeating_a_point()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var points = Enumerable.Range(0, 25).Select(i => new { key = "acc", value = i / 100.0, step = i / 2, timestamp = 1000L + i });
        await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = points })).ExpectAsync(200);

        var values = new List<double>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/runs/{run}/metrics/history?key=acc&limit=7" + (cursor is null ? "" : "&cursor=" + cursor)))
                .ExpectAsync(200);
            values.AddRange(page["items"]!.AsArray().Select(p => p!["value"]!.GetValue<double>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => i / 100.0), values);
    }

    [Fact]
    public async Task NaN_and_infinities_are_accepted_and_returned_faithfully()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var body = JsonNode.Parse("""
            {"metrics":[{"key":"x","value":"NaN","step":0},{"key":"x","value":"Infinity","step":1},
                        {"key":"x","value":"-Infinity","step":2},{"key":"x","value":-0.5,"step":3}]}
            """)!;
        await (await client.PostAsync($"/api/v1/runs/{run}/metrics", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .ExpectAsync(200);

        var raw = await (await client.GetAsync($"/api/v1/runs/{run}/metrics/history?key=x")).Content.ReadAsStringAsync();
        Assert.Contains("\"value\":\"NaN\"", raw);
        Assert.Contains("\"value\":\"Infinity\"", raw);
        Assert.Contains("\"value\":\"-Infinity\"", raw);
        Assert.Contains("\"value\":-0.5", raw);
    }

    [Fact]
    public async Task A_batch_over_1000_points_or_with_a_bad_key_is_400_naming_the_field()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        var tooMany = Enumerable.Range(0, 1001).Select(i => new { key = "k", value = 1.0, step = i });
        var problem = await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = tooMany })).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["metrics"]);

        var badKey = new[] { new { key = "ok", value = 1.0 }, new { key = "../up", value = 1.0 } };
        problem = await (await client.PostJsonAsync($"/api/v1/runs/{run}/metrics", new { metrics = badKey })).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["metrics[1].key"]);

        var text = await (await client.PostAsync($"/api/v1/runs/{run}/metrics",
            new StringContent("""{"metrics":[{"key":"k","value":"high"}]}""", System.Text.Encoding.UTF8, "application/json"))).ExpectAsync(400);
        Assert.NotNull(text["errors"]!["metrics[0].value"]);
        var history = await (await client.GetAsync($"/api/v1/runs/{run}/metrics/history?key=k")).ExpectAsync(200);
        Assert.Empty(history["items"]!.AsArray());
    }
}
