using Platform.Domain.Jobs;
using static Platform.Domain.Tests.Jobs.JobTestData;

namespace Platform.Domain.Tests.Jobs;

public sealed class JobRedispatchTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(60);

    [Fact]
    public void An_unclaimed_job_is_sent_again_after_the_first_wait_then_after_doubling_waits()
    {
        var job = NewJob();

        Assert.False(job.RedispatchIfUnclaimed(Start.AddSeconds(59), First));
        Assert.True(job.RedispatchIfUnclaimed(Start.AddSeconds(60), First));
        Assert.False(job.RedispatchIfUnclaimed(Start.AddSeconds(60 + 119), First));
        Assert.True(job.RedispatchIfUnclaimed(Start.AddSeconds(60 + 120), First));
        Assert.Equal(2, job.Redispatches);
        Assert.Equal(Start.AddSeconds(180), job.DispatchedAt);
    }

    [Fact]
    public void The_wait_stops_growing_at_32_times_the_first()
    {
        var job = NewJob();
        var now = Start;
        for (var i = 0; i < 8; i++)
        {
            now += First * 32;
            Assert.True(job.RedispatchIfUnclaimed(now, First), $"redispatch {i + 1} did not happen after 32 waits");
        }

        Assert.False(job.RedispatchIfUnclaimed(now + First * 31, First));
    }

    [Fact]
    public void A_claimed_job_is_not_sent_again_and_a_requeued_one_starts_the_waits_over()
    {
        var job = NewJob();
        job.RedispatchIfUnclaimed(Start.AddSeconds(60), First);
        var (lease, _) = job.Claim("w1", Start.AddSeconds(61), Lease);

        Assert.False(job.RedispatchIfUnclaimed(Start.AddMinutes(30), First));

        job.Release(lease!.Value, "w1 shut down", Start.AddSeconds(70));
        Assert.Equal(0, job.Redispatches);
        Assert.False(job.RedispatchIfUnclaimed(Start.AddSeconds(129), First));
        Assert.True(job.RedispatchIfUnclaimed(Start.AddSeconds(130), First));
    }
}
