using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;
using static Platform.Host.Tests.Support.RegistryRequests;
using static Platform.Host.Tests.Support.TrainingRequests;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// The registry on the embedded host: versions registered from training runs' ONNX artefacts, evaluated as jobs that
/// name the version (the report is stored with it), and compared on the same dataset version.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class ModelRegistryTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_versions_registered_from_runs_are_evaluated_by_version_and_compared_on_the_same_dataset_version()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var model = "cancer-" + Guid.NewGuid().ToString("N")[..6];
        var dataset = await UploadAsync(client, "breast-cancer");
        var lightGbmRun = await TrainAsync(client, dataset, "LightGbm");
        var linearRun = await TrainAsync(client, dataset, "Linear");

        var v1 = await RegisterAsync(client, model, lightGbmRun, 201);
        var v2 = await RegisterAsync(client, model, linearRun, 201);
        Assert.Equal([1, 2], new[] { v1["version"]!.GetValue<int>(), v2["version"]!.GetValue<int>() });
        Assert.Equal("Development", v1["stage"]!.GetValue<string>());
        Assert.Equal("features", v1["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(30, v1["inputs"]![0]!["shape"]![1]!.GetValue<long>());
        Assert.Equal(["label", "probabilities"], v1["outputs"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        var datasetSha = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/datasets/breast-cancer/versions/{dataset}"))!["sha256"]!.GetValue<string>();
        Assert.Equal(datasetSha, v1["lineage"]!["dataset"]!["sha256"]!.GetValue<string>());
        Assert.Equal("LightGbm", v1["lineage"]!["trainer"]!.GetValue<string>());
        Assert.Equal(lightGbmRun, v1["lineage"]!["runId"]!.GetValue<string>());
        Assert.True(v1["metrics"]!["validation.logLoss"] is not null, $"no metrics snapshot: {v1["metrics"]}");
        Assert.Equal(
            await client.GetByteArrayAsync($"/api/v1/runs/{lightGbmRun}/artifacts/model.onnx"),
            await client.GetByteArrayAsync($"/api/v1/models/{model}/versions/1/artifact"));

        foreach (var version in new[] { 1, 2 })
        {
            await EvaluateAsync(client, model, version, "breast-cancer", dataset);
        }

        var evaluations = await client.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}/versions/1/evaluations?withReport=true");
        var evaluation = evaluations!["items"]!.AsArray().Single()!;
        Assert.Equal(datasetSha, evaluation["datasetSha256"]!.GetValue<string>());
        Assert.Equal(2, evaluation["report"]!["classification"]!["confusionMatrix"]!.AsArray().Count);
        var comparison = await client.GetFromJsonAsync<JsonObject>(
            $"/api/v1/models/{model}/versions/1/compare?against=2&dataset=breast-cancer&datasetVersion={dataset}&split=test");
        output.WriteLine(comparison!.ToJsonString());
        var a = comparison["this"]!["metrics"]!["rocAuc"]!.GetValue<double>();
        var b = comparison["other"]!["metrics"]!["rocAuc"]!.GetValue<double>();
        Assert.True(a >= 0.97, $"v1 test ROC AUC {a}");
        Assert.Equal(b - a, comparison["difference"]!["rocAuc"]!.GetValue<double>(), 12);
    }

    [Fact]
    public async Task Registering_what_is_not_onnx_is_400_and_unknown_runs_models_and_versions_are_404()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var runId = await NewRunAsync(client);
        (await client.PutAsync($"/api/v1/runs/{runId}/artifacts/model.onnx", new StringContent("not a model"))).EnsureSuccessStatusCode();

        var problem = await RegisterAsync(client, "broken", runId, 400);
        Assert.True(problem["errors"]?["artifactPath"] is not null, $"no artifactPath error: {problem}");
        await RegisterAsync(client, "broken", Guid.NewGuid().ToString(), 404);
        Assert.Equal(404, (int)(await client.GetAsync("/api/v1/models/no-such-model/versions/1")).StatusCode);
        var evaluate = await client.PostAsJsonAsync("/api/v1/jobs", new
        {
            kind = "Evaluate", parameters = new { model = "no-such-model", modelVersion = 1, dataset = "breast-cancer", datasetVersion = await UploadAsync(client, "breast-cancer") },
        });
        Assert.Equal(404, (int)evaluate.StatusCode);
        using var viewer = await host.UserAsync("Viewer");
        Assert.Equal(403, (int)(await viewer.Client.PostAsJsonAsync("/api/v1/models/any/versions", new { runId })).StatusCode);
    }

    [Fact]
    public async Task An_alias_has_one_holder_and_moves_when_set_on_another_version()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var model = "aliased-" + Guid.NewGuid().ToString("N")[..6];
        var runId = await TrainAsync(client, await UploadAsync(client, "breast-cancer"), "Linear");
        await RegisterAsync(client, model, runId, 201);
        await RegisterAsync(client, model, runId, 201);

        await SetAliasAsync(client, model, "champion", 1, 200);
        await SetAliasAsync(client, model, "challenger", 1, 200);
        await SetAliasAsync(client, model, "champion", 2, 200);

        var aliases = (await client.GetFromJsonAsync<JsonArray>($"/api/v1/models/{model}/aliases"))!;
        Assert.Equal(["challenger=1", "champion=2"], aliases.Select(a => $"{a!["alias"]}={a["version"]}"));
        var bad = await SetAliasAsync(client, model, "1st", 1, 400);
        Assert.True(bad["errors"]?["alias"] is not null, $"no alias error: {bad}");
        await SetAliasAsync(client, model, "champion", 9, 404);
        using var viewer = await host.UserAsync("Viewer");
        await SetAliasAsync(viewer.Client, model, "champion", 1, 403);
        Assert.Equal(204, (int)(await client.DeleteAsync($"/api/v1/models/{model}/aliases/challenger")).StatusCode);
        Assert.Equal(404, (int)(await client.DeleteAsync($"/api/v1/models/{model}/aliases/challenger")).StatusCode);
        Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/v1/models/{model}/aliases"))!);
    }

    private static async Task<JsonNode> SetAliasAsync(HttpClient client, string model, string alias, int version, int status)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/models/{model}/aliases/{alias}", new { version });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"alias {alias} -> v{version}: expected {status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
