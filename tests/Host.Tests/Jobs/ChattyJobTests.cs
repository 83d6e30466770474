using System.Diagnostics;
using System.Text.Json.Nodes;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Jobs;

/// <summary>
/// A job that reports 10,000 progress events a second must not stall the Api. Only outcomes are asserted here;
/// the timings are printed for the reader (performance goals belong in the benchmarks).
/// </summary>
[Collection(JobHostCollection.Name)]
public sealed class ChattyJobTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task A_chatty_job_does_not_stall_requests_or_other_jobs_and_keeps_all_its_log_lines_in_order()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        var chatty = await client.SubmitDiagnosticAsync(new { durationMs = 2000, progressEvents = 20_000, logLines = 2000 });
        await client.WaitForJobAsync(chatty, j => JobRequests.State(j) != "Queued", "to start");

        var smallJob = Task.Run(RunSmallJobAsync);
        var latencies = new List<double>();
        var failures = new List<string>();
        string chattyState;
        do
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync("/api/v1/experiments");
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            chattyState = JobRequests.State(await client.GetJobAsync(chatty));
        }
        while (chattyState is "Queued" or "Running");
        var smallEnded = await smallJob;
        var chattyEnded = await client.GetJobAsync(chatty);

        latencies.Sort();
        output.WriteLine(
            $"GET /api/v1/experiments while the chatty job ran: {latencies.Count} requests, median {latencies[latencies.Count / 2]:F1} ms, " +
            $"max {latencies[^1]:F1} ms; second job {JobRequests.State(smallEnded)} {Milliseconds(smallEnded, "createdAt", "finishedAt"):F0} ms " +
            $"after its submission (server clock), chatty job ran {Milliseconds(chattyEnded, "startedAt", "finishedAt"):F0} ms");
        Assert.True(failures.Count == 0, "requests failed while the chatty job ran: " + string.Join(" | ", failures));
        Assert.True(JobRequests.State(smallEnded) == "Succeeded", $"the second job ended {JobRequests.State(smallEnded)}: {smallEnded["reason"]}");
        Assert.Equal("Succeeded", chattyState);

        var lines = await JobRequests.WaitForCountAsync(() => client.GetLogLinesAsync(chatty), 2000, "log lines of the chatty job");
        var texts = lines.Select(l => l["text"]!.GetValue<string>()).ToList();
        var expected = Enumerable.Range(1, 2000).Select(i => $"diagnostic step {i * 10}").ToList();
        var firstWrong = Enumerable.Range(0, 2000).FirstOrDefault(i => texts[i] != expected[i], -1);
        Assert.True(firstWrong < 0, $"log lines are out of order: line {firstWrong + 1} is '{(firstWrong < 0 ? "" : texts[firstWrong])}', expected '{(firstWrong < 0 ? "" : expected[firstWrong])}'");
        Assert.Equal(2000, texts.Count);

        async Task<JsonNode> RunSmallJobAsync() =>
            await client.WaitUntilEndedAsync(await client.SubmitDiagnosticAsync(new { durationMs = 100, progressEvents = 5 }));
    }

    private static double Milliseconds(JsonNode job, string from, string to) =>
        (job[to]!.GetValue<DateTimeOffset>() - job[from]!.GetValue<DateTimeOffset>()).TotalMilliseconds;
}
