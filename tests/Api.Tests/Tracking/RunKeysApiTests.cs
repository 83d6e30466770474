using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

/// <summary>The keys behind a runs table's columns, and the run counts of the experiments list.</summary>
public sealed class RunKeysApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Run_keys_list_every_param_metric_and_tag_key_of_the_experiments_runs_in_ordinal_order()
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        var first = await client.CreateRunAsync(experiment, new { @params = new { lr = "0.1", depth = "6" }, tags = new { team = "risk" } });
        await client.CreateRunAsync(experiment, new { @params = new { batch_size = "32" } });
        var elsewhere = await client.CreateExperimentAsync();
        await client.CreateRunAsync(elsewhere, new { @params = new { other = "1" } });
        await (await client.PostJsonAsync($"/api/v1/runs/{first}/metrics",
            new { metrics = new[] { new { key = "auc", value = 0.9, step = 1, timestamp = 1 }, new { key = "loss", value = 0.3, step = 1, timestamp = 1 } } })).ExpectAsync(200);

        var keys = await (await client.GetAsync($"/api/v1/experiments/{experiment}/run-keys")).ExpectAsync(200);

        Assert.Equal(["batch_size", "depth", "lr"], Strings(keys, "params"));
        Assert.Equal(["auc", "loss"], Strings(keys, "metrics"));
        Assert.Equal(["team"], Strings(keys, "tags"));
        Assert.False(keys["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Run_keys_of_an_unknown_experiment_are_404_and_a_viewer_reads_them()
    {
        using var viewer = await factory.UserAsync("Viewer");
        await (await viewer.GetAsync($"/api/v1/experiments/{Guid.NewGuid()}/run-keys")).ExpectAsync(404);
        using var scientist = await factory.UserAsync("DataScientist");
        var experiment = await scientist.CreateExperimentAsync();

        var keys = await (await viewer.GetAsync($"/api/v1/experiments/{experiment}/run-keys")).ExpectAsync(200);

        Assert.Empty(Strings(keys, "params"));
    }

    [Fact]
    public async Task The_experiments_list_counts_each_experiments_runs()
    {
        using var client = await factory.UserAsync("DataScientist");
        var prefix = "counted-" + Guid.NewGuid().ToString("N")[..6];
        var busy = await client.CreateExperimentAsync($"{prefix}-busy");
        var empty = await client.CreateExperimentAsync($"{prefix}-empty");
        for (var i = 0; i < 3; i++)
        {
            await client.CreateRunAsync(busy);
        }

        var page = await (await client.GetAsync($"/api/v1/experiments?name={prefix}")).ExpectAsync(200);
        var counts = page["items"]!.AsArray().ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["runCount"]!.GetValue<int>());

        Assert.Equal(3, counts[busy]);
        Assert.Equal(0, counts[empty]);
    }

    private static string[] Strings(System.Text.Json.Nodes.JsonNode body, string name) =>
        [.. body[name]!.AsArray().Select(k => k!.GetValue<string>())];
}
