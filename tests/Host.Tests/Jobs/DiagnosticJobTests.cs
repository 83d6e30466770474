using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Jobs;

/// <summary>Diagnostic jobs run by the embedded host's in-process worker, end to end over the in-memory bus.</summary>
[Collection(JobHostCollection.Name)]
public sealed class DiagnosticJobTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task A_diagnostic_job_runs_to_succeeded_with_its_progress_logs_and_metric_points_in_its_run()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var runId = await CreateRunAsync(client);

        var jobId = await client.SubmitDiagnosticAsync(new { durationMs = 300, progressEvents = 10, logLines = 5, metricPoints = 20 }, runId);
        var job = await client.WaitUntilEndedAsync(jobId);

        Assert.True(JobRequests.State(job) == "Succeeded", $"the job ended {JobRequests.State(job)}: {job["reason"]}");
        Assert.Equal(100, job["progress"]!.GetValue<double>());
        Assert.Equal("done", job["phase"]?.GetValue<string>());
        Assert.Equal(1, job["attempts"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(job["workerId"]?.GetValue<string>()), "the job does not name the worker that ran it");
        Assert.Equal(20, JsonNode.Parse(job["resultJson"]!.GetValue<string>())!["steps"]!.GetValue<int>());

        var lines = await JobRequests.WaitForCountAsync(() => client.GetLogLinesAsync(jobId), 5, "log lines");
        Assert.Equal(
            ["diagnostic step 4", "diagnostic step 8", "diagnostic step 12", "diagnostic step 16", "diagnostic step 20"],
            lines.Select(l => l["text"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3, 4, 5], lines.Select(l => l["sequence"]!.GetValue<int>()));

        var points = await JobRequests.WaitForCountAsync(() => MetricHistoryAsync(client, runId, "diagnostic/value"), 20, "metric points");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), points.Select(p => p["step"]!.GetValue<long>()));
        Assert.Equal(Math.Sin(0.1), points[0]["value"]!.GetValue<double>(), 12);
    }

    [Fact]
    public async Task A_diagnostic_job_told_to_fail_ends_failed_with_that_reason_and_without_a_retry()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;

        var jobId = await client.SubmitDiagnosticAsync(new { durationMs = 50, failWith = "the simulated GPU caught fire" });
        var job = await client.WaitUntilEndedAsync(jobId);

        Assert.Equal("Failed", JobRequests.State(job));
        Assert.Equal("the simulated GPU caught fire", job["reason"]?.GetValue<string>());
        Assert.Equal(1, job["attempts"]!.GetValue<int>());
        Assert.Null(job["resultJson"]);
    }

    [Fact]
    public async Task A_cancelled_running_job_ends_cancelled_and_its_child_processes_are_gone()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var seconds = ChildProcesses.UniqueSleepSeconds();

        var jobId = await client.SubmitDiagnosticAsync(new { durationMs = 120_000, progressEvents = 10, childProcessSeconds = seconds });
        var running = await client.WaitForJobAsync(jobId, j => JobRequests.State(j) != "Queued", "to start");
        Assert.True(JobRequests.State(running) == "Running", $"the job did not run: {running.ToJsonString()}");
        var children = await WaitForChildrenAsync(seconds);
        Assert.True(children.Count >= 3, $"expected the shell and its two sleeps, found: {string.Join(" | ", children)}");

        var clock = Stopwatch.StartNew();
        var requested = await JobRequests.ExpectAsync(await client.PostAsync($"/api/v1/jobs/{jobId}/cancel", null), 200);
        Assert.True(requested["cancelRequested"]!.GetValue<bool>(), "the cancel answer does not show the request");
        var job = await client.WaitUntilEndedAsync(jobId, TimeSpan.FromSeconds(10));
        var latency = clock.Elapsed;
        output.WriteLine($"cancel request to Cancelled (seen by polling; the speed is measured by benchmarks/run cancellation): {latency.TotalMilliseconds:F0} ms");

        Assert.Equal("Cancelled", JobRequests.State(job));
        var left = ChildProcesses.SleepingFor(seconds);
        Assert.True(left.Count == 0, $"child processes still running after the job was cancelled: {string.Join(" | ", left)}");
    }

    private static async Task<IReadOnlyList<string>> WaitForChildrenAsync(int seconds)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = ChildProcesses.SleepingFor(seconds);
            if (found.Count >= 3 || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return found;
            }

            await Task.Delay(10);
        }
    }

    private static async Task<string> CreateRunAsync(HttpClient client)
    {
        var experiment = await JobRequests.ExpectAsync(
            await client.PostAsJsonAsync("/api/v1/experiments", new { name = "jobs-" + Guid.NewGuid().ToString("N")[..8] }), 201);
        var run = await JobRequests.ExpectAsync(await client.PostAsJsonAsync($"/api/v1/experiments/{experiment["id"]}/runs", new { }), 201);
        return run["id"]!.GetValue<string>();
    }

    private static async Task<List<JsonNode>> MetricHistoryAsync(HttpClient client, string runId, string key)
    {
        var page = await JobRequests.ExpectAsync(
            await client.GetAsync($"/api/v1/runs/{runId}/metrics/history?key={Uri.EscapeDataString(key)}"), 200);
        return page["items"]!.AsArray().Select(p => p!).ToList();
    }
}
