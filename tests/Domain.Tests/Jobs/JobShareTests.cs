using Platform.Domain.Jobs;
using Platform.Domain.Workspaces;
using static Platform.Domain.Tests.Jobs.JobTestData;

namespace Platform.Domain.Tests.Jobs;

/// <summary>A job held back for its workspace's share: visible why, not counted against the quota, sent when released.</summary>
public sealed class JobShareTests
{
    [Fact]
    public void A_held_job_takes_no_share_until_released_and_then_is_sent_as_new()
    {
        var job = NewJob();
        job.Hold("Waiting: quota");

        Assert.Equal(("Waiting: quota", false), (job.WaitingFor, job.TakesAShare));
        job.Release(Start.AddMinutes(5));

        Assert.Equal((null, true, Start.AddMinutes(5), 0), (job.WaitingFor, job.TakesAShare, job.DispatchedAt, job.Redispatches));
        Assert.Throws<InvalidOperationException>(() => job.Release(Start.AddMinutes(6)));
    }

    [Fact]
    public void A_held_job_cancelled_no_longer_says_it_waits_and_a_running_one_cannot_be_held()
    {
        var held = NewJob();
        held.Hold("Waiting: quota");

        held.RequestCancel("bob", Start);

        Assert.Equal((JobState.Cancelled, null), (held.State, held.WaitingFor));
        var running = NewJob();
        running.Claim("w1", Start, Lease);
        Assert.Throws<InvalidOperationException>(() => running.Hold("Waiting"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Workspace.MaxQuota + 1)]
    public void A_quota_is_one_or_more(int quota)
    {
        var workspace = Workspace.Create("team", null, null, "root", Start);

        var refused = Assert.Throws<Common.DomainException>(() => workspace.SetQuotas(quota, null, null, null));

        Assert.Contains("concurrentJobs", refused.Message);
    }
}
