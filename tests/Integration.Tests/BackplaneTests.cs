using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Integration.Tests.Support;

namespace Platform.Integration.Tests;

/// <summary>Two Api processes sharing SignalR through Redis: a client on one hears what the other consumed.</summary>
public sealed class BackplaneTests
{
    [Fact]
    public async Task A_client_on_one_api_receives_the_end_of_every_job_whichever_api_consumed_it()
    {
        await using var cluster = await Cluster.StartAsync(apis: 2, workers: 1, redis: true);
        var ended = new ConcurrentDictionary<string, string>();
        await using var connection = await cluster.ConnectHubAsync(api: 0);
        connection.On<JsonElement>("JobChanged", job =>
        {
            var state = job.GetProperty("state").GetString()!;
            if (Jobs.Final.Contains(state))
            {
                ended[job.GetProperty("id").GetString()!] = state;
            }
        });

        // Both apis consume job events from the same queues (competing consumers): about half of these jobs' events
        // are consumed by the second api, and reach this client only through the Redis backplane.
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 300, progressEvents = 3 });
            await connection.InvokeAsync<JsonElement>("SubscribeToJob", Guid.Parse(id));
            ids.Add(id);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(ids.All(ended.ContainsKey)), TimeSpan.FromSeconds(60),
            () => $"heard the end of {ended.Count} of {ids.Count} jobs\n{cluster.Diagnostics()}");
        Assert.All(ids, id => Assert.Equal("Succeeded", ended[id]));

        using var second = await cluster.AdminClientAsync(cluster.ApiUrls[1]);
        var seenBySecond = await second.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{ids[0]}");
        Assert.Equal("Succeeded", seenBySecond!["state"]!.GetValue<string>());
    }
}
