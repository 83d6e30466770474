using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Host.Tests.Support;

/// <summary>Experiments, runs, sample datasets and ML jobs through the REST API, for the training and registry tests.</summary>
public static class TrainingRequests
{
    public static async Task<string> SubmitAsync(HttpClient client, string kind, string? runId, object parameters)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { kind, runId, parameters });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)response.StatusCode == 202, $"submit {kind}: {(int)response.StatusCode} {body}");
        return body!["id"]!.GetValue<string>();
    }

    public static async Task<List<JsonNode>> HistoryAsync(HttpClient client, string runId, string key)
    {
        for (var i = 0; ; i++)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/metrics/history?key={key}&limit=1000");
            var points = page!["items"]!.AsArray().Select(p => p!).ToList();
            if (points.Count > 0 || i == 100)
            {
                return points;
            }

            await Task.Delay(50);
        }
    }

    public static async Task<string> NewRunAsync(HttpClient client)
    {
        var experiment = await (await client.PostAsJsonAsync("/api/v1/experiments", new { name = "training-" + Guid.NewGuid().ToString("N")[..8] }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var run = await (await client.PostAsJsonAsync($"/api/v1/experiments/{experiment!["id"]}/runs", new { }))
            .Content.ReadFromJsonAsync<JsonObject>();
        return run!["id"]!.GetValue<string>();
    }

    /// <summary>Uploads the sample once per host (the tests share it); returns its version.</summary>
    public static async Task<int> UploadAsync(HttpClient client, string dataset)
    {
        var existing = await LatestVersionAsync(client, dataset);
        if (existing > 0)
        {
            return existing;
        }

        var content = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "datasets", dataset + ".csv")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync($"/api/v1/datasets/{dataset}/versions", content);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)response.StatusCode == 201, $"upload {dataset}: {(int)response.StatusCode} {body}");
        return body!["version"]!.GetValue<int>();
    }

    public static async Task<int> LatestVersionAsync(HttpClient client, string dataset)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/v1/datasets?name={dataset}&limit=1");
        return page!["items"]!.AsArray().FirstOrDefault()?["version"]!.GetValue<int>() ?? 0;
    }
}
