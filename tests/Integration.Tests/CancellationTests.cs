using Platform.Integration.Tests.Support;

namespace Platform.Integration.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task A_running_job_cancelled_ends_Cancelled_within_a_second_and_its_process_tree_is_gone()
    {
        await using var cluster = await Cluster.StartAsync(workers: 1);
        var seconds = Random.Shared.Next(1000, 3600);
        var id = await cluster.Client.SubmitDiagnosticAsync(new { durationMs = 60_000, progressEvents = 60, childProcessSeconds = seconds });
        await cluster.Client.WaitForAsync(id, j => j.State() == "Running", TimeSpan.FromSeconds(30), cluster.Diagnostics);
        await Eventually.HoldsAsync(() => Task.FromResult(SleepProcesses(seconds).Count == 2), TimeSpan.FromSeconds(10),
            () => $"the child processes did not start: {SleepProcesses(seconds).Count}");

        // Measured from just before the request to the Api's record of the end (same machine clock), so that the
        // test's own polling does not count.
        var requested = DateTimeOffset.UtcNow;
        (await cluster.Client.PostAsync($"/api/v1/jobs/{id}/cancel", null)).EnsureSuccessStatusCode();
        var done = await cluster.Client.WaitForAsync(id, j => Jobs.Final.Contains(j.State()), TimeSpan.FromSeconds(5), cluster.Diagnostics);
        var took = done["finishedAt"]!.GetValue<DateTimeOffset>() - requested;

        Assert.Equal("Cancelled", done.State());
        Assert.True(took < TimeSpan.FromSeconds(1), $"cancellation took {took.TotalMilliseconds:F0} ms");
        Assert.Empty(SleepProcesses(seconds));
    }

    private static List<int> SleepProcesses(int seconds) =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(int.Parse!)
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim() == $"sleep {seconds}";
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .ToList();
}
