using Platform.Domain.Common;
using Platform.Domain.Jobs;
using static Platform.Domain.Tests.Jobs.JobTestData;

namespace Platform.Domain.Tests.Jobs;

/// <summary>Cancelling queued and running jobs, and retrying ended ones.</summary>
public sealed class JobCancellationAndRetryTests
{
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
}
