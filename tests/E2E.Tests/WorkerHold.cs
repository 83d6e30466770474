using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;

namespace Platform.E2E.Tests;

/// <summary>
/// Keeps the product's one worker slot busy with a real Script job that waits for a file, so that a job submitted
/// meanwhile stays queued until the test lets the first one end: a page opened on the queued job then sees every one
/// of its lines arrive live. Only the product's own features: a run, its code artefact and a Train job with trainer Script.
/// </summary>
public sealed class WorkerHold : IAsyncDisposable
{
    private const string Script = """
        import json, os, time
        release = json.loads(os.environ["PLATFORM_HYPERPARAMETERS"])["release"]
        print("holding the worker until " + release + " exists", flush=True)
        deadline = time.time() + 300
        while not os.path.exists(release) and time.time() < deadline:
            time.sleep(0.05)
        """;

    private readonly HttpClient _api;
    private readonly string _release;
    private readonly string _jobId;

    private WorkerHold(HttpClient api, string release, string jobId) => (_api, _release, _jobId) = (api, release, jobId);

    /// <summary>Starts the holding job in <paramref name="experimentId"/> and answers once it runs (the slot is taken).</summary>
    public static async Task<WorkerHold> StartAsync(HttpClient api, string experimentId)
    {
        var release = Path.Combine(Path.GetTempPath(), "platform-e2e-release-" + Guid.NewGuid().ToString("N"));
        var run = await JobRequests.ExpectAsync(await api.PostAsJsonAsync($"/api/v1/experiments/{experimentId}/runs", new { name = "worker-hold" }), 201);
        var runId = run["id"]!.GetValue<string>();
        (await api.PutAsync($"/api/v1/runs/{runId}/artifacts/code/hold.py", new StringContent(Script, Encoding.UTF8))).EnsureSuccessStatusCode();
        var parameters = new JsonObject { ["trainer"] = "Script", ["command"] = new JsonArray("python3", "hold.py"), ["hyperparameters"] = new JsonObject { ["release"] = release } };
        var job = await JobRequests.ExpectAsync(await api.PostAsJsonAsync("/api/v1/jobs", new { kind = "Train", runId, parameters }), 202);
        var hold = new WorkerHold(api, release, job["id"]!.GetValue<string>());
        await api.WaitForJobAsync(hold._jobId, j => JobRequests.State(j) == "Running", "to run", TimeSpan.FromSeconds(60));
        return hold;
    }

    /// <summary>Lets the holding job end and waits until it has (the slot is free for the next job).</summary>
    public async ValueTask DisposeAsync()
    {
        await File.WriteAllTextAsync(_release, "go");
        var job = await _api.WaitUntilEndedAsync(_jobId, TimeSpan.FromSeconds(60));
        File.Delete(_release);
        Assert.True(JobRequests.State(job) == "Succeeded", "the worker-holding script job ended " + job.ToJsonString());
    }
}
