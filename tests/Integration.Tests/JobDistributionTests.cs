using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Integration.Tests.Support;

namespace Platform.Integration.Tests;

/// <summary>Real RabbitMQ, an Api process and two worker processes.</summary>
public sealed class JobDistributionTests
{
    [Fact]
    public async Task Two_hundred_jobs_across_two_workers_all_succeed_each_exactly_once()
    {
        await using var cluster = await Cluster.StartAsync(workers: 2);
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add(await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 20, progressEvents = 2, logLines = 1 }));
        }

        List<JsonNode> jobs = [];
        await Eventually.HoldsAsync(async () =>
        {
            jobs = (await cluster.Client.GetFromJsonAsync<JsonObject>("/api/v1/jobs?kind=Diagnostic&limit=500"))!["items"]!.AsArray().Select(j => j!).ToList();
            return jobs.Count(j => Jobs.Final.Contains(j["state"]!.GetValue<string>())) == ids.Count;
        }, TimeSpan.FromSeconds(120), () => $"not all jobs ended: {jobs.GroupBy(j => j["state"]!.GetValue<string>()).Select(g => $"{g.Key}={g.Count()}").Aggregate("", (a, b) => a + " " + b)}\n{cluster.Diagnostics()}");

        Assert.All(jobs, j => Assert.True(j["state"]!.GetValue<string>() == "Succeeded", $"job {j["id"]} ended {j["state"]}: {j["reason"]}"));
        Assert.All(jobs, j => Assert.True(j["attempts"]!.GetValue<int>() == 1, $"job {j["id"]} was taken {j["attempts"]} times"));
        var byWorker = jobs.GroupBy(j => j["workerId"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byWorker.Count == 2, $"expected both workers to take jobs: {string.Join(", ", byWorker)}");

        // Each run writes exactly one log line: two lines would mean the job ran twice.
        foreach (var id in ids)
        {
            var lines = await cluster.Client.LogTextsAsync(id);
            Assert.True(lines.Count == 1, $"job {id} logged {lines.Count} lines: {string.Join(" | ", lines)}");
        }
    }

    [Fact]
    public async Task A_worker_killed_mid_job_has_its_job_requeued_and_completed_on_the_other()
    {
        await using var cluster = await Cluster.StartAsync(workers: 2, settings: new() { ["Jobs__LeaseSeconds"] = "3" });
        var id = await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 5000, progressEvents = 50 });
        var running = await cluster.Client.WaitForAsync(id, j => j.State() == "Running", TimeSpan.FromSeconds(30), cluster.Diagnostics);
        var first = running["workerId"]!.GetValue<string>();
        var victim = cluster.Workers.Single(w => first.Contains($"-{w.Pid}-", StringComparison.Ordinal));

        victim.Kill();

        var done = await cluster.Client.WaitForAsync(id, j => Jobs.Final.Contains(j.State()), TimeSpan.FromSeconds(60), cluster.Diagnostics);
        Assert.True(done.State() == "Succeeded", $"the job ended {done.State()}: {done["reason"]}");
        Assert.NotEqual(first, done["workerId"]!.GetValue<string>());
        Assert.Equal(2, done["attempts"]!.GetValue<int>());
    }
}
