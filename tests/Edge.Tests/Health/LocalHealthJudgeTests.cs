using Platform.Contracts.Fleet;
using Platform.Edge.Health;
using Platform.Serving.Monitoring;

namespace Platform.Edge.Tests.Health;

/// <summary>A new version fails on error rate or p95 only with enough inferences seen, and is healthy past its window.</summary>
public sealed class LocalHealthJudgeTests
{
    private static readonly LocalHealthCheck Check = new(WindowSeconds: 120, MinInferences: 20, MaxErrorRate: 0.05, MaxP95Milliseconds: 50);

    [Fact]
    public void A_high_error_rate_says_nothing_before_min_inferences_and_fails_from_then_on()
    {
        Assert.Equal(HealthVerdict.Watching, Judge(new LatencyFigures(19, 19, 1, 1, 1), 10));
        var verdict = Judge(new LatencyFigures(20, 2, 1, 1, 1), 10);

        Assert.Equal(ModelOnDevice.Failed, verdict.State);
        Assert.Contains("error rate 10.0 %", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_p95_past_the_limit_fails_once_min_inferences_are_seen()
    {
        Assert.Equal(HealthVerdict.Watching, Judge(new LatencyFigures(5, 0, 80, 90, 95), 10));
        Assert.Contains("p95 latency 90.0 ms", Judge(new LatencyFigures(20, 0, 80, 90, 95), 10).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_the_limits_it_is_watched_until_the_window_ends_and_healthy_after()
    {
        var good = new LatencyFigures(500, 10, 5, 40, 60);

        Assert.Equal(HealthVerdict.Watching, Judge(good, 119));
        Assert.Equal(HealthVerdict.Healthy, Judge(good, 120));
        Assert.Equal(HealthVerdict.Healthy, Judge(new LatencyFigures(0, 0, 0, 0, 0), 121)); // no traffic: nothing against it
    }

    [Fact]
    public void Limits_left_null_are_not_checked_and_no_check_at_all_is_healthy_at_once()
    {
        var noLimits = Check with { MaxErrorRate = null, MaxP95Milliseconds = null };

        Assert.Equal(HealthVerdict.Watching, LocalHealthJudge.Judge(noLimits, new LatencyFigures(100, 100, 900, 900, 900), TimeSpan.FromSeconds(1)));
        Assert.Equal(HealthVerdict.Healthy, LocalHealthJudge.Judge(null, new LatencyFigures(100, 100, 900, 900, 900), TimeSpan.Zero));
    }

    private static HealthVerdict Judge(LatencyFigures figures, int seconds) => LocalHealthJudge.Judge(Check, figures, TimeSpan.FromSeconds(seconds));
}
