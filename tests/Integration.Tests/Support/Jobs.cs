using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Integration.Tests.Support;

public static class Jobs
{
    public static readonly string[] Final = ["Succeeded", "Failed", "Cancelled", "TimedOut"];

    public static async Task<string> SubmitDiagnosticAsync(this HttpClient client, object parameters)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"submit failed: {(int)response.StatusCode} {body}");
        return body!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetJobAsync(this HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;

    public static async Task<JsonObject> WaitForAsync(this HttpClient client, string id, Func<JsonObject, bool> condition, TimeSpan within, Func<string> diagnostics)
    {
        JsonObject job = new();
        await Eventually.HoldsAsync(async () => condition(job = await client.GetJobAsync(id)), within,
            () => $"job {id} did not get there: {job.ToJsonString()}\n{diagnostics()}");
        return job;
    }

    public static string State(this JsonObject job) => job["state"]!.GetValue<string>();

    public static async Task<List<string>> LogTextsAsync(this HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}/logs"))!["items"]!.AsArray()
            .Select(l => l!["text"]!.GetValue<string>()).ToList();
}
