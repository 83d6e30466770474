using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Integration.Tests.Support;

namespace Platform.Integration.Tests;

/// <summary>
/// RabbitMQ stopped and started again while jobs flow: nothing is lost, nothing runs twice. The scenario has a broker of
/// its own (started fresh, stopped afterwards), so the shared test broker and the other tests are not disturbed.
/// </summary>
public sealed class BrokerRestartTests
{
    private const int Port = 35872;

    [Fact]
    public async Task Jobs_submitted_before_during_and_after_a_broker_restart_all_succeed_once()
    {
        await TestServices.StartFreshRabbitMqAsync(Port);
        try
        {
            // Redispatch sooner than the default minute, so that a job message lost in the restart is sent again
            // within the test's patience; a redispatched job that was in fact taken is refused by the claim.
            await using var cluster = await Cluster.StartAsync(
                workers: 2, settings: new() { ["Jobs__RedispatchAfterSeconds"] = "20" }, ownRabbitMqPort: Port);
            var ids = await SubmitAsync(cluster.Client, 15, 400);
            await TestServices.StopRabbitMqAsync(Port);
            // Accepted while the broker is down: the outbox holds the messages.
            ids.AddRange(await SubmitAsync(cluster.Client, 10, 400));
            await TestServices.StartRabbitMqAsync(Port);
            ids.AddRange(await SubmitAsync(cluster.Client, 15, 100));

            List<JsonNode> jobs = [];
            await Eventually.HoldsAsync(async () =>
            {
                jobs = (await cluster.Client.GetFromJsonAsync<JsonObject>("/api/v1/jobs?limit=500"))!["items"]!.AsArray().Select(j => j!).ToList();
                return jobs.Count(j => Jobs.Final.Contains(j["state"]!.GetValue<string>())) == ids.Count;
            }, TimeSpan.FromSeconds(180), () => $"not all jobs ended: {string.Join(", ", jobs.Select(j => j["state"]))}\n{cluster.Diagnostics()}");

            Assert.Equal(ids.Order(), jobs.Select(j => j["id"]!.GetValue<string>()).Order());
            Assert.All(jobs, j => Assert.True(j["state"]!.GetValue<string>() == "Succeeded", $"job {j["id"]} ended {j["state"]}: {j["reason"]}"));
            // Run once: exactly one worker ran each job to its end, and none started it and lost it half-way. The Api's
            // attempt count is not the measure: a claim granted while the broker restarts, whose answer never reaches
            // its worker, counts an attempt that never ran (the lease runs out and another worker takes the job).
            // A worker logs a job's end after its report is answered, through the console logger's queue: the last
            // jobs' lines may reach this process a moment after their state does.
            await Eventually.HoldsAsync(
                () => Task.FromResult(jobs.All(j => cluster.WorkerLinesAbout(j["id"]!.GetValue<string>()).Any(l => l.Contains("Succeeded", StringComparison.Ordinal)))),
                TimeSpan.FromSeconds(15), () => "a worker never said a job succeeded");
            Assert.All(jobs, j =>
            {
                var id = j["id"]!.GetValue<string>();
                var said = cluster.WorkerLinesAbout(id);
                Assert.True(said.Count(l => l.Contains($"Job {id} Succeeded", StringComparison.Ordinal)) == 1 && !said.Any(l => l.Contains("lease lost", StringComparison.Ordinal)),
                    $"job {id} (attempts {j["attempts"]}) did not run exactly once; what the workers said of it:\n{string.Join("\n", said)}");
            });
        }
        finally
        {
            await TestServices.StopRabbitMqAsync(Port);
        }
    }

    private static async Task<List<string>> SubmitAsync(HttpClient client, int count, int durationMs)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await client.SubmitDiagnosticAsync(new { durationMs, progressEvents = 5 }));
        }

        return ids;
    }
}
