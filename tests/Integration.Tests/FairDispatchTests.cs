using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Integration.Tests.Support;

namespace Platform.Integration.Tests;

/// <summary>
/// Jobs are shared fairly between workspaces, with real RabbitMQ, an Api process and a worker: a workspace that
/// queues a burst has at most its quota of jobs with the workers (the rest wait in the Api, saying why), so another
/// workspace's single job does not wait behind the whole burst.
/// </summary>
public sealed class FairDispatchTests
{
    [Fact]
    public async Task A_workspaces_single_job_starts_before_the_twentieth_of_another_workspaces_two_hundred()
    {
        await using var cluster = await Cluster.StartAsync(workers: 1);
        var (a, b) = ("fair-a-" + Guid.NewGuid().ToString("N")[..6], "fair-b-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var name in new[] { a, b })
        {
            var created = await cluster.Client.PostAsJsonAsync("/api/v1/workspaces", new { name });
            Assert.True(created.IsSuccessStatusCode, $"creating {name}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var burst = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            burst.Add(await SubmitAsync(cluster.Client, a, durationMs: 1500));
        }

        var quotas = (await cluster.Client.GetFromJsonAsync<JsonObject>($"/api/v1/workspaces/{a}/quotas"))!;
        Assert.True(quotas["concurrentJobs"]!["waiting"]!.GetValue<int>() > 150, $"the burst should mostly wait in the Api: {quotas}");
        var waiting = (await cluster.Client.GetFromJsonAsync<JsonObject>($"/api/v1/workspaces/{a}/jobs/{burst[^1]}"))!;
        Assert.Contains("quota of 10 concurrent jobs", waiting["waitingFor"]!.GetValue<string>());

        var single = await SubmitAsync(cluster.Client, b, durationMs: 10);
        var done = await WaitAsync(cluster, $"/api/v1/workspaces/{b}/jobs/{single}", j => j["state"]!.GetValue<string>() == "Succeeded");
        var startedAt = done["startedAt"]!.GetValue<DateTimeOffset>();

        var page = (await cluster.Client.GetFromJsonAsync<JsonObject>($"/api/v1/workspaces/{a}/jobs?limit=500"))!["items"]!.AsArray();
        var before = page.Count(j => j!["startedAt"] is { } s && s.GetValue<DateTimeOffset>() < startedAt);
        Assert.True(before < 19, $"{before} of workspace A's jobs started before B's single one\n{cluster.Diagnostics()}");
    }

    private static async Task<string> SubmitAsync(HttpClient client, string workspace, int durationMs)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/workspaces/{workspace}/jobs", new { kind = "Diagnostic", parameters = new { durationMs } });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"submit failed: {(int)response.StatusCode} {body}");
        return body!["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> WaitAsync(Cluster cluster, string path, Func<JsonObject, bool> condition)
    {
        JsonObject job = [];
        await Eventually.HoldsAsync(async () => condition(job = (await cluster.Client.GetFromJsonAsync<JsonObject>(path))!), TimeSpan.FromSeconds(120),
            () => $"{path}: {job}\n{cluster.Diagnostics()}");
        return job;
    }
}
