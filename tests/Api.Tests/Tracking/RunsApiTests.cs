using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

public sealed class RunsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_run_is_created_with_params_and_tags_updated_and_ended()
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        var created = await (await client.PostJsonAsync($"/api/v1/experiments/{experiment}/runs", new
        {
            name = "baseline",
            @params = new Dictionary<string, string> { ["lr"] = "0.1" },
            tags = new Dictionary<string, string> { ["team"] = "risk" },
        })).ExpectAsync(201);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("Running", created["status"]!.GetValue<string>());

        var ended = await (await client.PatchJsonAsync($"/api/v1/runs/{id}", new { status = "Finished", name = "baseline-1" })).ExpectAsync(200);
        Assert.Equal("Finished", ended["status"]!.GetValue<string>());
        Assert.NotNull(ended["endTime"]);

        var run = await (await client.GetAsync($"/api/v1/runs/{id}")).ExpectAsync(200);
        Assert.Equal("0.1", run["params"]!["lr"]!.GetValue<string>());
        Assert.Equal("risk", run["tags"]!["team"]!.GetValue<string>());
        Assert.Equal("baseline-1", run["name"]!.GetValue<string>());
        await (await client.PatchJsonAsync($"/api/v1/runs/{id}", new { status = "Running" })).ExpectAsync(409);
    }

    [Fact]
    public async Task A_param_overwrite_is_409_and_the_same_value_again_is_fine()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        await (await client.PostJsonAsync($"/api/v1/runs/{run}/params", new { @params = new { lr = "0.1", depth = "6" } })).ExpectAsync(200);
        await (await client.PostJsonAsync($"/api/v1/runs/{run}/params", new { @params = new { lr = "0.1" } })).ExpectAsync(200);
        var problem = await (await client.PostJsonAsync($"/api/v1/runs/{run}/params", new { @params = new { lr = "0.2" } })).ExpectAsync(409);
        Assert.Equal("run.param-conflict", problem["code"]!.GetValue<string>());
        var stored = await (await client.GetAsync($"/api/v1/runs/{run}")).ExpectAsync(200);
        Assert.Equal("0.1", stored["params"]!["lr"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tags_are_set_replaced_and_deleted()
    {
        using var client = await factory.UserAsync("DataScientist");
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        await (await client.PostJsonAsync($"/api/v1/runs/{run}/tags", new { key = "stage", value = "draft" })).ExpectAsync(200);
        var replaced = await (await client.PostJsonAsync($"/api/v1/runs/{run}/tags", new { key = "stage", value = "final" })).ExpectAsync(200);
        Assert.Equal("final", replaced["tags"]!["stage"]!.GetValue<string>());
        await (await client.DeleteAsync($"/api/v1/runs/{run}/tags?key=stage")).ExpectAsync(204);
        await (await client.DeleteAsync($"/api/v1/runs/{run}/tags?key=stage")).ExpectAsync(404);
        var after = await (await client.GetAsync($"/api/v1/runs/{run}")).ExpectAsync(200);
        Assert.Empty(after["tags"]!.AsObject());
    }

    [Fact]
    public async Task An_unknown_run_is_404_for_every_run_resource()
    {
        using var client = await factory.UserAsync("DataScientist");
        var unknown = Guid.NewGuid();
        await (await client.GetAsync($"/api/v1/runs/{unknown}")).ExpectAsync(404);
        await (await client.PatchJsonAsync($"/api/v1/runs/{unknown}", new { status = "Failed" })).ExpectAsync(404);
        await (await client.PostJsonAsync($"/api/v1/runs/{unknown}/params", new { @params = new { a = "1" } })).ExpectAsync(404);
        await (await client.PostJsonAsync($"/api/v1/runs/{unknown}/metrics", new { metrics = new[] { new { key = "a", value = 1 } } })).ExpectAsync(404);
        await (await client.GetAsync($"/api/v1/runs/{unknown}/metrics/history?key=a")).ExpectAsync(404);
        await (await client.GetAsync($"/api/v1/runs/{unknown}/artifacts")).ExpectAsync(404);
        await (await client.PutAsync($"/api/v1/runs/{unknown}/artifacts/a.txt", new StringContent("x"))).ExpectAsync(404);
        await (await client.PostJsonAsync($"/api/v1/experiments/{unknown}/runs", new { })).ExpectAsync(404);
    }

    [Fact]
    public async Task Bad_fields_are_400_naming_each_field()
    {
        using var client = await factory.UserAsync("DataScientist");
        var experiment = await client.CreateExperimentAsync();
        var problem = await (await client.PostJsonAsync($"/api/v1/experiments/{experiment}/runs", new
        {
            @params = new Dictionary<string, string> { ["bad;key"] = "1" },
        })).ExpectAsync(400);
        Assert.NotNull(problem["errors"]!["params.bad;key"]);

        var run = await client.CreateRunAsync(experiment);
        var status = await (await client.PatchJsonAsync($"/api/v1/runs/{run}", new { status = "Exploded" })).ExpectAsync(400);
        Assert.Equal("urn:platform:problem:validation", status["type"]!.GetValue<string>());
        Assert.NotNull(status["errors"]!["status"]);
    }
}
