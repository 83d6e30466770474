namespace Platform.Api.Tests.Support;

/// <summary>Shortcuts for arranging the model registry through the API itself.</summary>
public static class Registry
{
    /// <summary>Uploads <see cref="TinyOnnxModel"/> (its input named <paramref name="input"/>) as a new run's <c>model.onnx</c> and registers it as the model's next version.</summary>
    public static async Task<int> RegisterVersionAsync(this HttpClient client, string model, string input = "x")
    {
        var run = await client.CreateRunAsync(await client.CreateExperimentAsync());
        await (await client.PutAsync($"/api/v1/runs/{run}/artifacts/model.onnx", new ByteArrayContent(TinyOnnxModel.Bytes(input)))).ExpectAsync(200);
        var version = await (await client.PostJsonAsync($"/api/v1/models/{model}/versions", new { runId = run })).ExpectAsync(201);
        return version["version"]!.GetValue<int>();
    }
}
