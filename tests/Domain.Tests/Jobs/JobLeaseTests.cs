using Platform.Domain.Common;
using Platform.Domain.Jobs;
using static Platform.Domain.Tests.Jobs.JobTestData;

namespace Platform.Domain.Tests.Jobs;

/// <summary>Leases: reports only from the holder, renewal, expiry and re-queueing, hand-back on shutdown.</summary>
public sealed class JobLeaseTests
{
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

    [Fact]
    public void The_worker_holding_a_job_that_claims_it_again_gets_the_same_lease_and_attempt_and_others_are_refused()
    {
        var job = NewJob();
        var (first, _) = job.Claim("w1", Start, Lease);

        var (again, refusal) = job.Claim("w1", Start.AddSeconds(10), Lease);
        var (other, otherRefusal) = job.Claim("w2", Start.AddSeconds(11), Lease);

        Assert.True(again == first, $"the holder's second claim got {again} ({refusal}) instead of its lease {first}");
        Assert.Equal(1, job.Attempts);
        Assert.Equal(Start.AddSeconds(10) + Lease, job.LeaseExpiresAt);
        Assert.Null(other);
        Assert.Equal("the job is Running", otherRefusal);
    }

    [Fact]
    public void A_second_claim_by_the_holder_is_refused_once_cancellation_was_asked_for()
    {
        var job = NewJob();
        job.Claim("w1", Start, Lease);
        job.RequestCancel("alice", Start.AddSeconds(1));

        Assert.Null(job.Claim("w1", Start.AddSeconds(2), Lease).LeaseId);
    }
}
