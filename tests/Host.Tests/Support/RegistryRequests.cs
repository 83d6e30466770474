using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Platform.Host.Tests.Support.TrainingRequests;

namespace Platform.Host.Tests.Support;

/// <summary>Training, registering and evaluating model versions through the REST API, for the registry and governance tests.</summary>
public static class RegistryRequests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>Trains on a version of <paramref name="dataset"/> and waits for the per-round metrics the registry snapshots.</summary>
    public static async Task<string> TrainAsync(
        HttpClient client, int datasetVersion, string trainer, string dataset = "breast-cancer", string labelColumn = "benign", string task = "BinaryClassification")
    {
        var runId = await NewRunAsync(client);
        var job = await SubmitAsync(client, "Train", runId, new
        {
            dataset, datasetVersion, labelColumn, task, trainer,
        });
        var ended = await client.WaitUntilEndedAsync(job, Deadline);
        Assert.True(JobRequests.State(ended) == "Succeeded", $"training ended {JobRequests.State(ended)}: {ended["reason"]}");
        // The per-round metrics arrive over the bus a moment after the end; the registry snapshots them.
        await HistoryAsync(client, runId, task == "Regression" ? "validation.rmse" : "validation.logLoss");
        return runId;
    }

    public static async Task<JsonNode> RegisterAsync(HttpClient client, string model, string runId, int status)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/models/{model}/versions", new { runId, modelCard = "# Breast cancer\nTest model." });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True((int)response.StatusCode == status, $"register: expected {status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Evaluates a registered version on the test part of a dataset version; the report is stored with the version.</summary>
    public static async Task EvaluateAsync(HttpClient client, string model, int version, string dataset, int datasetVersion)
    {
        var job = await SubmitAsync(client, "Evaluate", null, new { model, modelVersion = version, dataset, datasetVersion });
        var ended = await client.WaitUntilEndedAsync(job, Deadline);
        Assert.True(JobRequests.State(ended) == "Succeeded", $"evaluating v{version} ended {JobRequests.State(ended)}: {ended["reason"]}");
    }

    /// <summary>Sends a request and checks its status code, answering the body (an empty object for none).</summary>
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> sending, int status, string what)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
