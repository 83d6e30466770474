using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Integration.Tests.Support;

namespace Platform.Integration.Tests;

/// <summary>RabbitMQ stopped and started again while jobs flow: nothing is lost, nothing runs twice.</summary>
[Collection(nameof(BrokerOutageTests))]
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task Jobs_submitted_before_during_and_after_a_broker_restart_all_succeed_once()
    {
        // Leases outlive the outage, so that no job is re-queued while its worker simply cannot reach the broker.
        await using var cluster = await Cluster.StartAsync(workers: 2, settings: new() { ["Jobs__LeaseSeconds"] = "60" });
        var ids = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            ids.Add(await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 400, progressEvents = 5 }));
        }

        await TestServices.StopRabbitMqAsync();
        for (var i = 0; i < 10; i++)
        {
            // Accepted while the broker is down: the outbox holds the messages.
            ids.Add(await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 400, progressEvents = 5 }));
        }

        await TestServices.StartRabbitMqAsync();
        for (var i = 0; i < 15; i++)
        {
            ids.Add(await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 100, progressEvents = 5 }));
        }

        List<JsonNode> jobs = [];
        await Eventually.HoldsAsync(async () =>
        {
            jobs = (await cluster.Client.GetFromJsonAsync<JsonObject>("/api/v1/jobs?limit=500"))!["items"]!.AsArray().Select(j => j!).ToList();
            return jobs.Count(j => Jobs.Final.Contains(j["state"]!.GetValue<string>())) == ids.Count;
        }, TimeSpan.FromSeconds(180), () => $"not all jobs ended: {string.Join(", ", jobs.Select(j => j["state"]))}\n{cluster.Diagnostics()}");

        Assert.Equal(ids.Order(), jobs.Select(j => j["id"]!.GetValue<string>()).Order());
        Assert.All(jobs, j => Assert.True(j["state"]!.GetValue<string>() == "Succeeded", $"job {j["id"]} ended {j["state"]}: {j["reason"]}"));
        Assert.All(jobs, j => Assert.True(j["attempts"]!.GetValue<int>() == 1, $"job {j["id"]} was taken {j["attempts"]} times"));
    }
}

/// <summary>The outage test stops the shared broker: it must not run beside the other test classes.</summary>
[CollectionDefinition(nameof(BrokerOutageTests), DisableParallelization = true)]
public sealed class BrokerOutageCollection;
