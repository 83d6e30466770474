using System.Diagnostics;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Jobs;

/// <summary>The worker's side of leases (3 s in this host, renewed every second): it renews a running job's lease, and only while the job runs.</summary>
[Collection(JobHostCollection.Name)]
public sealed class WorkerLeaseTests(JobHost host)
{
    [Fact]
    public async Task A_job_longer_than_its_lease_keeps_it_by_renewals_and_the_renewals_stop_when_it_ends()
    {
        using var user = await host.UserAsync("DataScientist");

        var job = await user.Client.SubmitDiagnosticAsync(new { durationMs = 3500, progressEvents = 4 });
        var ended = await user.Client.WaitUntilEndedAsync(job);

        Assert.True(JobRequests.State(ended) == "Succeeded", $"the job ended {JobRequests.State(ended)}: {ended["reason"]}");
        Assert.Equal(1, ended["attempts"]!.GetValue<int>());
        // Two renewal periods after the end, the lease keeper must have let the job go.
        var seenBefore = host.Logs.Entries.Count;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2.2))
        {
            var touched = host.Logs.Entries.Skip(seenBefore).Where(e => e.Message.Contains(job, StringComparison.Ordinal)).ToList();
            Assert.True(
                touched.Count == 0,
                $"after job {job} ended, the worker's lease keeper still worked on it {clock.Elapsed.TotalSeconds:F1} s later: " +
                string.Join(" | ", touched.Select(e => $"{e.Level}: {e.Message}").Distinct()));
            await Task.Delay(50);
        }
    }
}
