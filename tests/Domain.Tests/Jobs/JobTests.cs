using Platform.Domain.Common;
using Platform.Domain.Jobs;

namespace Platform.Domain.Tests.Jobs;

public sealed class JobTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

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
    public void Reports_from_a_lease_lost_to_expiry_are_ignored_once_another_worker_holds_the_job()
    {
        var job = NewJob(maxAttempts: 3);
        var (stale, _) = job.Claim("w1", Start, Lease);
        Assert.True(job.ExpireLease(Start + Lease + TimeSpan.FromSeconds(1)), "the expired lease did not re-queue the job");
        var (current, _) = job.Claim("w2", Start.AddSeconds(20), Lease);
        job.ReportProgress(current!.Value, 30, "w2 phase", null, Start.AddSeconds(21));

        job.ReportProgress(stale!.Value, 90, "w1 phase", null, Start.AddSeconds(22));
        Assert.False(job.RenewLease(stale.Value, Start.AddSeconds(21), Lease), "the stale lease was renewed");
        Assert.False(job.AcceptsReportsFrom(stale.Value), "logs and metrics of the stale lease would be kept");
        Assert.False(job.Release(stale.Value, "w1 shutting down", Start), "the stale lease released the job");
        Assert.False(job.Complete(stale.Value, JobState.Succeeded, null, "{}", Start.AddSeconds(22)), "the stale lease completed the job");

        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(current, job.LeaseId);
        Assert.Equal("w2", job.WorkerId);
        Assert.Equal(30, job.Progress);
        Assert.Equal("w2 phase", job.Phase);
        Assert.Equal(Start.AddSeconds(20) + Lease, job.LeaseExpiresAt);
    }

    [Fact]
    public void Logs_of_an_attempt_that_just_ended_are_still_accepted_from_its_lease()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);
        job.Complete(lease!.Value, JobState.Succeeded, null, null, Start.AddSeconds(1));

        Assert.True(job.AcceptsReportsFrom(lease.Value), "late log lines of the finished attempt would be dropped");
        Assert.False(job.HoldsLease(lease.Value), "a finished job still counts as held");
    }

    [Fact]
    public void A_renewal_extends_the_lease_from_now()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        Assert.True(job.RenewLease(lease!.Value, Start.AddSeconds(5), Lease));

        Assert.Equal(Start.AddSeconds(5) + Lease, job.LeaseExpiresAt);
    }

    [Fact]
    public void A_lease_that_has_not_run_out_does_not_expire()
    {
        var job = NewJob();
        job.Claim("w1", Start, Lease);

        Assert.False(job.ExpireLease(Start + Lease - TimeSpan.FromMilliseconds(1)));

        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public void An_expired_lease_re_queues_the_job_until_the_last_attempt_and_then_fails_it()
    {
        var job = NewJob(maxAttempts: 2);
        var now = Start;

        job.Claim("w1", now, Lease);
        now += Lease + TimeSpan.FromSeconds(1);
        Assert.True(job.ExpireLease(now), "the first expiry did not ask for the job to be sent again");
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LeaseId);
        Assert.Contains("attempt 2 of 2", job.Reason);

        job.Claim("w2", now, Lease);
        Assert.Equal(2, job.Attempts);
        now += Lease + TimeSpan.FromSeconds(1);
        Assert.False(job.ExpireLease(now), "the last expiry asked for the job to be sent again");

        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("no attempts left", job.Reason);
        Assert.Equal(now, job.FinishedAt);
    }

    [Fact]
    public void Cancelling_a_queued_job_ends_it_at_once_without_a_worker()
    {
        var job = NewJob();

        var workerMustBeTold = job.RequestCancel("alice", Start.AddSeconds(1));

        Assert.False(workerMustBeTold, "a queued job's cancellation asked for a worker to be told");
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Contains("alice", job.Reason);
        Assert.Equal(Start.AddSeconds(1), job.FinishedAt);
        Assert.Null(job.Claim("w1", Start.AddSeconds(2), Lease).LeaseId);
    }

    [Fact]
    public void Cancelling_a_running_job_waits_for_its_worker_to_confirm()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);

        var workerMustBeTold = job.RequestCancel("alice", Start.AddSeconds(1));

        Assert.True(workerMustBeTold, "the running job's worker would not be told to stop");
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal(Start.AddSeconds(1), job.CancelRequestedAt);
        Assert.True(job.Complete(lease!.Value, JobState.Cancelled, "Cancelled on request.", null, Start.AddSeconds(2)));
        Assert.Equal(JobState.Cancelled, job.State);
    }

    [Fact]
    public void A_running_job_whose_cancel_was_asked_for_ends_cancelled_even_if_its_worker_reports_a_failure()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);
        job.RequestCancel("alice", Start.AddSeconds(1));

        job.Complete(lease!.Value, JobState.Failed, "killed", null, Start.AddSeconds(2));

        Assert.Equal(JobState.Cancelled, job.State);
    }

    [Fact]
    public void A_running_job_whose_worker_vanished_after_a_cancel_ends_cancelled_when_its_lease_runs_out()
    {
        var job = NewJob(maxAttempts: 3);
        job.Claim("w1", Start, Lease);
        job.RequestCancel("alice", Start.AddSeconds(1));

        Assert.False(job.ExpireLease(Start + Lease + TimeSpan.FromSeconds(1)), "a cancelled job was sent again");

        Assert.Equal(JobState.Cancelled, job.State);
    }

    [Fact]
    public void A_running_job_whose_cancel_was_asked_for_is_not_re_queued_when_its_worker_hands_it_back()
    {
        // A worker shutting down hands back a job whose cancellation it never heard of: the job must not run again.
        var job = NewJob(maxAttempts: 3);
        var (lease, _) = job.Claim("w1", Start, Lease);
        job.RequestCancel("alice", Start.AddSeconds(1));

        job.Release(lease!.Value, "w1 shut down before the job finished", Start.AddSeconds(2));

        Assert.True(
            job.State == JobState.Cancelled,
            $"a job whose cancel was asked for was handed back and is {job.State}; another worker can claim it and run it again");
    }

    [Fact]
    public void Cancelling_a_job_that_ended_is_a_domain_error()
    {
        var job = NewJob();
        job.RequestCancel("alice", Start);

        var error = Assert.Throws<DomainException>(() => job.RequestCancel("alice", Start.AddSeconds(1)));

        Assert.Equal("job.already-ended", error.Code);
    }

    [Fact]
    public void A_job_handed_back_by_a_worker_shutting_down_does_not_use_up_an_attempt()
    {
        var job = NewJob(maxAttempts: 1);
        var (lease, _) = job.Claim("w1", Start, Lease);

        Assert.True(job.Release(lease!.Value, "w1 shut down", Start), "the lease holder could not hand the job back");

        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(0, job.Attempts);
        Assert.Equal("w1 shut down", job.Reason);
        Assert.Null(job.LeaseId);
        var (again, refusal) = job.Claim("w2", Start.AddSeconds(1), Lease);
        Assert.True(again is not null, $"the handed-back job could not be claimed again: {refusal}");
        Assert.Equal(1, job.Attempts);
    }

    [Theory]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    [InlineData(JobState.TimedOut)]
    public void A_failed_cancelled_or_timed_out_job_can_be_retried_with_a_fresh_set_of_attempts(JobState outcome)
    {
        var job = NewJob(maxAttempts: 2);
        var (lease, _) = job.Claim("w1", Start, Lease);
        job.Complete(lease!.Value, outcome, "ended", null, Start.AddSeconds(2));
        Assert.Equal(outcome, job.State);

        job.Retry(Start.AddMinutes(1));

        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(0, job.Attempts);
        Assert.Null(job.Reason);
        Assert.Null(job.FinishedAt);
        Assert.Equal(Start.AddMinutes(1), job.CreatedAt);
        Assert.NotNull(job.Claim("w2", Start.AddMinutes(2), Lease).LeaseId);
    }

    [Fact]
    public void A_retried_job_forgets_the_cancel_request_that_ended_it()
    {
        var job = NewJob();
        job.RequestCancel("alice", Start);

        job.Retry(Start.AddSeconds(1));

        Assert.Null(job.CancelRequestedAt);
        var (lease, _) = job.Claim("w1", Start.AddSeconds(2), Lease);
        job.Complete(lease!.Value, JobState.Failed, "boom", null, Start.AddSeconds(3));
        Assert.Equal(JobState.Failed, job.State);
    }

    [Fact]
    public void A_queued_job_cannot_be_retried()
    {
        var error = Assert.Throws<DomainException>(() => NewJob().Retry(Start));
        Assert.Equal("job.not-retryable", error.Code);
    }

    [Fact]
    public void A_running_job_cannot_be_retried()
    {
        var job = NewJob();
        job.Claim("w1", Start, Lease);

        var error = Assert.Throws<DomainException>(() => job.Retry(Start.AddSeconds(1)));

        Assert.Equal("job.not-retryable", error.Code);
        Assert.Equal(JobState.Running, job.State);
    }

    [Fact]
    public void A_succeeded_job_cannot_be_retried()
    {
        var job = NewJob();
        var (lease, _) = job.Claim("w1", Start, Lease);
        job.Complete(lease!.Value, JobState.Succeeded, null, "{}", Start.AddSeconds(1));

        var error = Assert.Throws<DomainException>(() => job.Retry(Start.AddSeconds(2)));

        Assert.Equal("job.not-retryable", error.Code);
        Assert.Equal("{}", job.ResultJson);
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

    private static Job NewJob(int maxAttempts = 3, int timeoutSeconds = 3600) =>
        Job.Submit(JobKind.Diagnostic, HardwareClass.Cpu, "{}", null, "alice", Guid.NewGuid(), timeoutSeconds, maxAttempts, Start);
}
