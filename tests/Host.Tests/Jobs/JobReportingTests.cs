using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Jobs;

/// <summary>What a worker reports about a job (log lines here) reaches the Api completely, however the job's end falls.</summary>
[Collection(JobHostCollection.Name)]
public sealed class JobReportingTests(JobHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_log_line_is_kept_when_a_job_ends_while_its_reporter_is_still_sending_a_batch()
    {
        // The worker sends what a job reported every 100 ms. Jobs that end just after such a send began, with
        // thousands of lines in it, end while the batch is still on its way: not one line may be lost.
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;
        const int Lines = JobHost.MaxLogLinesPerJob;
        var jobs = new List<string>();
        foreach (var durationMs in new[] { 100, 107, 114, 121 })
        {
            jobs.Add(await client.SubmitDiagnosticAsync(new { durationMs, progressEvents = 10, logLines = Lines }));
        }

        var kept = new Dictionary<string, List<string>>();
        foreach (var job in jobs)
        {
            var ended = await client.WaitUntilEndedAsync(job);
            // Generous, for a loaded CI machine: a lost line never arrives, however long we wait.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            Assert.True(JobRequests.State(ended) == "Succeeded", $"job {job} ended {JobRequests.State(ended)}: {ended["reason"]}");
            while ((kept[job] = Texts(await client.GetLogLinesAsync(job))).Count < Lines && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }

        output.WriteLine("log lines kept per job: " + string.Join(", ", kept.Values.Select(t => t.Count)));
        Assert.True(
            kept.Values.All(t => t.Count == Lines),
            $"each job logged {Lines} lines; the Api kept {string.Join(", ", kept.Values.Select(t => t.Count))} (lines lost at the end of a job)");
        foreach (var (job, texts) in kept)
        {
            var firstWrong = texts.Select((t, i) => t == $"diagnostic step {i + 1}").ToList().IndexOf(false);
            Assert.True(firstWrong < 0, $"job {job}: stored line {firstWrong + 1} is '{(firstWrong < 0 ? "" : texts[firstWrong])}' (lines out of order)");
        }
    }

    [Fact]
    public async Task A_log_longer_than_the_per_job_cap_is_cut_there_and_says_so_in_its_last_line()
    {
        using var user = await host.UserAsync("DataScientist");
        var client = user.Client;

        var job = await client.SubmitDiagnosticAsync(new { durationMs = 0, progressEvents = 1, logLines = JobHost.MaxLogLinesPerJob + 500 });
        await client.WaitUntilEndedAsync(job);
        var texts = Texts(await JobRequests.WaitForCountAsync(() => client.GetLogLinesAsync(job), JobHost.MaxLogLinesPerJob + 1, "log lines"));

        // The first N lines are kept, then one marker line says the rest were dropped.
        Assert.Equal(JobHost.MaxLogLinesPerJob + 1, texts.Count);
        Assert.Equal($"diagnostic step {JobHost.MaxLogLinesPerJob}", texts[^2]);
        Assert.True(
            texts[^1].StartsWith("[log truncated", StringComparison.Ordinal),
            $"the log was cut at {JobHost.MaxLogLinesPerJob} of {JobHost.MaxLogLinesPerJob + 500} lines without saying so: its last line is '{texts[^1]}'");
    }

    private static List<string> Texts(List<System.Text.Json.Nodes.JsonNode> lines) => lines.Select(l => l["text"]!.GetValue<string>()).ToList();
}
