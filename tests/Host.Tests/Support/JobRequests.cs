using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Host.Tests.Support;

/// <summary>Submitting jobs and waiting for them through the REST API, polling with a deadline.</summary>
public static class JobRequests
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Reports of a job that ended (log lines, metric points) arrive within moments; more than this means they were lost.</summary>
    private static readonly TimeSpan ArrivalDeadline = TimeSpan.FromSeconds(5);
    private static readonly string[] FinalStates = ["Succeeded", "Failed", "Cancelled", "TimedOut"];

    public static async Task<string> SubmitDiagnosticAsync(this HttpClient client, object parameters, string? runId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { kind = "Diagnostic", parameters, runId });
        var body = await ExpectAsync(response, 202);
        return body["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> GetJobAsync(this HttpClient client, string jobId) =>
        await ExpectAsync(await client.GetAsync($"/api/v1/jobs/{jobId}"), 200);

    public static Task<JsonNode> WaitUntilEndedAsync(this HttpClient client, string jobId, TimeSpan? deadline = null) =>
        client.WaitForJobAsync(jobId, job => FinalStates.Contains(State(job)), "to end", deadline);

    /// <summary>Polls the job until <paramref name="condition"/> holds; fails naming the job's last state otherwise.</summary>
    public static async Task<JsonNode> WaitForJobAsync(
        this HttpClient client, string jobId, Func<JsonNode, bool> condition, string what, TimeSpan? deadline = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = deadline ?? DefaultDeadline;
        while (true)
        {
            var job = await client.GetJobAsync(jobId);
            if (condition(job))
            {
                return job;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Job {jobId} did not get {what} within {limit.TotalSeconds} s; last seen: {job.ToJsonString()}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Every log line of the job, following the cursor.</summary>
    public static async Task<List<JsonNode>> GetLogLinesAsync(this HttpClient client, string jobId)
    {
        var lines = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/jobs/{jobId}/logs?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await ExpectAsync(await client.GetAsync(url), 200);
            lines.AddRange(page["items"]!.AsArray().Select(l => l!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return lines;
    }

    /// <summary>Polls until <paramref name="read"/> gives at least <paramref name="count"/> items (they arrive after the job's end).</summary>
    public static async Task<List<JsonNode>> WaitForCountAsync(Func<Task<List<JsonNode>>> read, int count, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = await read();
            if (items.Count >= count)
            {
                return items;
            }

            if (clock.Elapsed > ArrivalDeadline)
            {
                Assert.Fail($"Expected {count} {what}, got {items.Count} within {ArrivalDeadline.TotalSeconds} s");
            }

            await Task.Delay(PollInterval * 5);
        }
    }

    public static string State(JsonNode job) => job["state"]!.GetValue<string>();

    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
