using Platform.Domain.Common;
using Platform.Domain.Jobs;
using static Platform.Domain.Tests.Jobs.JobTestData;

namespace Platform.Domain.Tests.Jobs;

/// <summary>A job's life: submit, claim, progress, completion, timeout, and the version every change raises.</summary>
public sealed class JobTests
{
    [Fact]
    public void A_submitted_job_is_queued_with_no_attempt_used()
    {
        var job = NewJob();
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(0, job.Attempts);
        Assert.Null(job.LeaseId);
    }

    [Fact]
    public void A_claim_of_a_queued_job_gives_a_lease_and_uses_an_attempt()
    {
        var job = NewJob();
        var (lease, refusal) = job.Claim("w1", Start, Lease);

        Assert.True(lease is not null, $"claim of a queued job was refused: {refusal}");
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(lease, job.LeaseId);
        Assert.Equal("w1", job.WorkerId);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(Start + Lease, job.LeaseExpiresAt);
        Assert.Equal(Start, job.StartedAt);
    }

    [Fact]
    public void A_second_claim_of_the_same_attempt_is_refused_and_keeps_the_first_lease()
    {
        var job = NewJob();
        var (first, _) = job.Claim("w1", Start, Lease);

        var (second, refusal) = job.Claim("w2", Start.AddSeconds(1), Lease);

        Assert.Null(second);
        Assert.Contains("Running", refusal);
        Assert.Equal(first, job.LeaseId);
        Assert.Equal("w1", job.WorkerId);
        Assert.Equal(1, job.Attempts);
    }

    [Theory]
    [InlineData(JobState.Succeeded)]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    [InlineData(JobState.TimedOut)]
    public void A_job_that_ended_cannot_be_claimed(JobState outcome)
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);
        Assert.True(job.Complete(lease!.Value, outcome, "done", null, Start.AddSeconds(1)), $"completion as {outcome} was refused");

        var (again, refusal) = job.Claim("w2", Start.AddSeconds(2), Lease);

        Assert.Null(again);
        Assert.Contains(outcome.ToString(), refusal);
        Assert.Equal(outcome, job.State);
    }

    [Fact]
    public void The_lease_holder_completes_the_job_with_its_result()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);
        job.ReportProgress(lease!.Value, 40, "running", "step 4", Start.AddSeconds(1));

        Assert.True(job.Complete(lease.Value, JobState.Succeeded, null, "{\"steps\":10}", Start.AddSeconds(5)));

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal("{\"steps\":10}", job.ResultJson);
        Assert.Equal(100, job.Progress);
        Assert.Equal(Start.AddSeconds(5), job.FinishedAt);
        Assert.Null(job.LeaseExpiresAt);
    }

    [Fact]
    public void A_failure_keeps_its_reason_and_no_result()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        Assert.True(job.Complete(lease!.Value, JobState.Failed, "out of memory", "{\"ignored\":true}", Start.AddSeconds(5)));

        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("out of memory", job.Reason);
        Assert.Null(job.ResultJson);
    }

    [Theory]
    [InlineData(JobState.Queued)]
    [InlineData(JobState.Running)]
    public void A_completion_with_a_state_that_is_not_final_is_refused(JobState outcome)
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        Assert.False(job.Complete(lease!.Value, outcome, null, null, Start.AddSeconds(1)), $"completion as {outcome} was accepted");
        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public void Progress_is_clamped_between_0_and_100()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        job.ReportProgress(lease!.Value, 250, "running", null, Start.AddSeconds(1));
        Assert.Equal(100, job.Progress);
        job.ReportProgress(lease.Value, -5, "running", null, Start.AddSeconds(2));
        Assert.Equal(0, job.Progress);
    }

    [Fact]
    public void A_progress_report_older_than_the_one_held_is_ignored()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        job.ReportProgress(lease!.Value, 60, "late", null, Start.AddSeconds(5));
        job.ReportProgress(lease.Value, 40, "early", null, Start.AddSeconds(4));

        Assert.Equal(60, job.Progress);
        Assert.Equal("late", job.Phase);
        Assert.Equal(Start.AddSeconds(5), job.ProgressAt);
    }

    [Fact]
    public void A_running_job_times_out_only_after_its_timeout_and_the_grace()
    {
        var job = NewJob(timeoutSeconds: 60);
        var (lease, _) = job.Claim("w1", Start, Lease);
        var grace = TimeSpan.FromSeconds(10);

        Assert.False(job.TimeOutIfOverdue(Start.AddSeconds(70), grace), "timed out at exactly timeout + grace");
        Assert.Equal(JobState.Running, job.State);

        Assert.True(job.TimeOutIfOverdue(Start.AddSeconds(71), grace), "not timed out after timeout + grace");
        Assert.Equal(JobState.TimedOut, job.State);
        Assert.Contains("60 s", job.Reason);
        Assert.False(job.Complete(lease!.Value, JobState.Succeeded, null, "{}", Start.AddSeconds(72)), "a timed-out job was completed afterwards");
    }

    [Fact]
    public void A_queued_job_never_times_out()
    {
        var job = NewJob(timeoutSeconds: 1);

        Assert.False(job.TimeOutIfOverdue(Start.AddHours(1), TimeSpan.Zero));

        Assert.Equal(JobState.Queued, job.State);
    }

    [Fact]
    public void A_long_reason_is_cut_to_the_column_length()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        job.Complete(lease!.Value, JobState.Failed, new string('x', Job.MaxReasonLength + 100), null, Start.AddSeconds(1));

        Assert.Equal(Job.MaxReasonLength, job.Reason!.Length);
    }

    [Fact]
    public void Every_state_change_raises_the_version()
    {
        var job = NewJob(maxAttempts: 2);
        var versions = new List<int> { job.Version };
        var (lease, _) = job.Claim("w1", Start, Lease);
        versions.Add(job.Version);
        job.ExpireLease(Start + Lease + TimeSpan.FromSeconds(1));
        versions.Add(job.Version);
        (lease, _) = job.Claim("w2", Start.AddMinutes(1), Lease);
        versions.Add(job.Version);
        job.Complete(lease!.Value, JobState.Failed, "x", null, Start.AddMinutes(2));
        versions.Add(job.Version);
        job.Retry(Start.AddMinutes(3));
        versions.Add(job.Version);

        Assert.True(versions.Zip(versions.Skip(1)).All(p => p.Second > p.First), "versions did not rise: " + string.Join(", ", versions));
    }
}
