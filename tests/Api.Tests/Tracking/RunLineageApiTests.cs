using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Tracking;

public sealed class RunLineageApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_run_lists_the_model_versions_registered_from_it_and_another_run_none()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        var model = "lineage-" + Guid.NewGuid().ToString("N")[..6];
        var run = await scientist.CreateRunAsync(await scientist.CreateExperimentAsync());
        await (await scientist.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent(TinyOnnxModel.Bytes()))).ExpectAsync(200);
        await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions", new { runId = run })).ExpectAsync(201);
        await (await scientist.PostJsonAsync($"/api/v1/models/{model}-b/versions", new { runId = run })).ExpectAsync(201);
        await scientist.RegisterVersionAsync(model); // v2, from another run
        using var viewer = await factory.UserAsync("Viewer");

        var versions = (await (await viewer.GetAsync($"/api/v1/runs/{run}/model-versions")).ExpectAsync(200))["items"]!.AsArray();

        Assert.Equal([$"{model}-b v1", $"{model} v1"], versions.Select(v => $"{v!["model"]} v{v["version"]}"));
        Assert.All(versions, v => Assert.Equal("Development", v!["stage"]!.GetValue<string>()));
        var other = await (await viewer.GetAsync($"/api/v1/runs/{Guid.NewGuid()}/model-versions")).ExpectAsync(200);
        Assert.Empty(other["items"]!.AsArray());
    }
}
