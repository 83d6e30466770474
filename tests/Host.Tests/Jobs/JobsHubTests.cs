using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// Live job updates over SignalR at /hubs/jobs, through the in-memory server. Each test runs on long polling (the
/// fallback when a proxy blocks WebSockets) and on WebSockets: what a client may see must not depend on the transport.
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class JobsHubTests(JobHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.WebSockets)]
    public async Task A_subscriber_receives_its_jobs_progress_and_logs_until_it_succeeds(HttpTransportType transport)
    {
        using var user = await host.UserAsync("DataScientist");
        await using var connection = host.HubConnection(user.Token, transport);
        var changes = new ConcurrentQueue<JsonElement>();
        var logLines = new ConcurrentQueue<string>();
        var ended = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("JobChanged", job =>
        {
            changes.Enqueue(job);
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed" or "Cancelled" or "TimedOut")
            {
                ended.TrySetResult(job);
            }
        });
        connection.On<Guid, JsonElement>("JobLog", (_, lines) =>
        {
            foreach (var line in lines.EnumerateArray())
            {
                logLines.Enqueue(line.GetProperty("text").GetString()!);
            }
        });
        await connection.StartAsync();

        var jobId = await user.Client.SubmitDiagnosticAsync(new { durationMs = 1500, progressEvents = 15, logLines = 3 });
        var current = await connection.InvokeAsync<JsonElement>("SubscribeToJob", Guid.Parse(jobId));
        Assert.Equal(jobId, current.GetProperty("id").GetString());
        var final = await ended.Task.WaitAsync(Deadline);

        Assert.Equal("Succeeded", final.GetProperty("state").GetString());
        Assert.Equal(100, final.GetProperty("progress").GetDouble());
        var progress = changes.Where(c => c.GetProperty("state").GetString() == "Running").Select(c => c.GetProperty("progress").GetDouble()).ToList();
        Assert.True(
            progress.Any(p => p is > 0 and < 100),
            $"no progress update between 0 and 100 arrived before the end; running updates: [{string.Join(", ", progress)}]");
        Assert.All(changes, c => Assert.Equal(jobId, c.GetProperty("id").GetString()));
        await WaitUntilAsync(() => logLines.Count >= 3, () => $"3 log lines pushed, got [{string.Join(", ", logLines)}]");
        Assert.Equal(["diagnostic step 5", "diagnostic step 10", "diagnostic step 15"], logLines.ToArray());
    }

    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.WebSockets)]
    public async Task Subscribing_to_another_users_job_fails_and_nothing_of_that_job_arrives(HttpTransportType transport)
    {
        using var owner = await host.UserAsync("DataScientist");
        using var other = await host.UserAsync("DataScientist");
        await using var ownerConnection = host.HubConnection(owner.Token, transport);
        await using var otherConnection = host.HubConnection(other.Token, transport);
        var leaked = new ConcurrentQueue<string>();
        var ownerSawEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ownerConnection.On<JsonElement>("JobChanged", job =>
        {
            if (job.GetProperty("state").GetString() is "Succeeded" or "Failed")
            {
                ownerSawEnd.TrySetResult();
            }
        });
        otherConnection.On<JsonElement>("JobChanged", job => leaked.Enqueue("JobChanged " + job.GetRawText()));
        otherConnection.On<Guid, JsonElement>("JobLog", (jobId, lines) => leaked.Enqueue($"JobLog {jobId} {lines.GetRawText()}"));
        await Task.WhenAll(ownerConnection.StartAsync(), otherConnection.StartAsync());

        var jobId = Guid.Parse(await owner.Client.SubmitDiagnosticAsync(new { durationMs = 800, progressEvents = 8, logLines = 4 }));
        var refused = await Assert.ThrowsAsync<HubException>(() => otherConnection.InvokeAsync<JsonElement>("SubscribeToJob", jobId));
        await ownerConnection.InvokeAsync<JsonElement>("SubscribeToJob", jobId);
        await ownerSawEnd.Task.WaitAsync(Deadline);
        // A round trip on the other connection: anything pushed to it before now has arrived by the time it returns.
        await otherConnection.InvokeAsync("UnsubscribeFromJob", Guid.NewGuid());

        Assert.Contains(jobId.ToString(), refused.Message);
        Assert.True(leaked.IsEmpty, $"another user's connection received the job's updates: {string.Join(" | ", leaked)}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Timed out waiting for " + what());
            await Task.Delay(10);
        }
    }
}
