using Platform.Contracts.Fleet;
using Platform.Edge.Polling;

namespace Platform.Edge.Tests.Polling;

/// <summary>Waits spread by jitter so a fleet does not poll in step, and back-off that doubles to its cap (seeded random).</summary>
public sealed class PollScheduleTests
{
    [Fact]
    public void Before_any_answer_the_defaults_hold_and_jitter_spreads_waits_within_twenty_percent()
    {
        var schedule = new PollSchedule(new Random(42));

        var waits = Enumerable.Range(0, 200).Select(_ => schedule.AfterSuccess().TotalSeconds).ToArray();

        Assert.All(waits, w => Assert.InRange(w, 24, 36));
        Assert.True(waits.Max() - waits.Min() > 9, $"the waits should spread over most of 24-36 s, got {waits.Min():F1}-{waits.Max():F1}");
        Assert.True(waits.Distinct().Count() > 150, "the waits should differ from each other");
    }

    [Fact]
    public void Back_off_doubles_per_failure_up_to_the_cap_and_a_success_resets_it()
    {
        var schedule = new PollSchedule(new Random(1));
        schedule.Use(new DevicePolling(IntervalSeconds: 10, Jitter: 0, MaxBackoffSeconds: 100));

        var waits = Enumerable.Range(0, 6).Select(_ => schedule.AfterFailure().TotalSeconds).ToArray();

        Assert.Equal(new double[] { 20, 40, 80, 100, 100, 100 }, waits);
        Assert.Equal(10, schedule.AfterSuccess().TotalSeconds);
        Assert.Equal(20, schedule.AfterFailure().TotalSeconds);
    }

    [Fact]
    public void Back_off_is_jittered_too_so_devices_back_from_an_outage_do_not_arrive_together()
    {
        var first = new PollSchedule(new Random(1));
        var second = new PollSchedule(new Random(2));
        foreach (var schedule in new[] { first, second })
        {
            schedule.Use(new DevicePolling(10, 0.5, 1_000));
        }

        var a = Enumerable.Range(0, 5).Select(_ => first.AfterFailure().TotalSeconds).ToArray();
        var b = Enumerable.Range(0, 5).Select(_ => second.AfterFailure().TotalSeconds).ToArray();

        Assert.All(a.Zip(b), p => Assert.NotEqual(p.First, p.Second));
        Assert.All(a.Select((w, i) => (w, nominal: 10 * Math.Pow(2, i + 1))), p => Assert.InRange(p.w, p.nominal * 0.5, p.nominal * 1.5));
    }

    [Fact]
    public void A_nonsensical_policy_from_the_platform_is_made_safe()
    {
        var schedule = new PollSchedule(new Random(3));
        schedule.Use(new DevicePolling(IntervalSeconds: 0, Jitter: double.NaN, MaxBackoffSeconds: -5));

        Assert.Equal((1, 0.2, 1), (schedule.Policy.IntervalSeconds, schedule.Policy.Jitter, schedule.Policy.MaxBackoffSeconds));
    }
}
