using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Platform.Integration.Tests.Support;
using Platform.MachineLearning.Evaluation;

namespace Platform.Benchmarks;

/// <summary>
/// Cancellation of running jobs over a real RabbitMQ (one Api process, one worker process): each job runs a child
/// process tree (`sh` with two `sleep`s); the figure is the time from just before `POST /jobs/{id}/cancel` to the
/// Api's record of the job's end (same machine clock), and every tree must be gone afterwards.
/// </summary>
internal static class CancellationBenchmark
{
    private const int Samples = 30;

    public static async Task<object> RunAsync()
    {
        await using var cluster = await Cluster.StartAsync(workers: 1);
        var client = cluster.Client;
        var took = new List<double>();
        for (var i = 0; i < Samples + 3; i++)
        {
            var ms = await CancelOneAsync(client, ChildProcesses.UniqueSleepSeconds());
            if (i >= 3)
            {
                took.Add(ms);
            }
        }

        Console.WriteLine($"cancellation over {took.Count} running jobs, each with a child process tree");
        return new
        {
            cancel_p50_ms = Math.Round(Percentile.Of(took, 50), 2),
            cancel_p95_ms = Math.Round(Percentile.Of(took, 95), 2),
            cancel_max_ms = Math.Round(took.Max(), 2),
        };
    }

    private static async Task<double> CancelOneAsync(HttpClient client, int sleepSeconds)
    {
        var submitted = await client.PostAsJsonAsync("/api/v1/jobs", new
        {
            kind = "Diagnostic",
            parameters = new { durationMs = 60_000, progressEvents = 60, childProcessSeconds = sleepSeconds },
        });
        submitted.EnsureSuccessStatusCode();
        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await Eventually.HoldsAsync(async () => State(await GetAsync(client, id)) == "Running" && ChildProcesses.SleepingFor(sleepSeconds).Count == 3,
            TimeSpan.FromSeconds(30), () => $"job {id} did not start its child processes");

        var requested = DateTimeOffset.UtcNow;
        (await client.PostAsync($"/api/v1/jobs/{id}/cancel", null)).EnsureSuccessStatusCode();
        JsonObject job = new();
        await Eventually.HoldsAsync(async () => (job = await GetAsync(client, id))["finishedAt"] is not null,
            TimeSpan.FromSeconds(30), () => $"job {id} did not end after its cancellation");
        if (State(job) != "Cancelled" || ChildProcesses.SleepingFor(sleepSeconds).Count > 0)
        {
            throw new InvalidOperationException($"job {id} ended {State(job)} with {ChildProcesses.SleepingFor(sleepSeconds).Count} child process(es) left");
        }

        return (job["finishedAt"]!.GetValue<DateTimeOffset>() - requested).TotalMilliseconds;
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;

    private static string State(JsonObject job) => job["state"]!.GetValue<string>();
}
