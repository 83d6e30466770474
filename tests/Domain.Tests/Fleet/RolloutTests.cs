using Platform.Domain.Common;
using Platform.Domain.Deployments;
using Platform.Domain.Fleet;
using Platform.Domain.Governance;

namespace Platform.Domain.Tests.Fleet;

/// <summary>A rollout's plan, its pace, its gate and what a failed gate does.</summary>
public sealed class RolloutTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly Actor Starter = new(Guid.NewGuid(), "operator");

    private static Rollout Start(
        int devices, Wave[] waves, RolloutRate? rate = null, HealthGate? gate = null, FailurePolicy onFailure = FailurePolicy.Rollback, bool requireApproval = false) =>
        Rollout.Start(Guid.NewGuid(), "detector", Guid.NewGuid(), 2, DeploymentEnvironment.Production, LabelSelector.Parse("site=plant-7"), devices, waves, rate, gate, null,
            onFailure, Starter, Now, requireApproval);

    [Fact]
    public void Bad_plans_are_refused_naming_the_field()
    {
        var problems = RolloutPlanRules.Problems(
            [new Wave(10, null), new Wave(5, null), new Wave(120, null), new Wave(null, null)], new RolloutRate(0, 0.5), new HealthGate(-1, 10, 2, -3, 0),
            new LocalHealthLimits(-1, -1, null, 0));

        Assert.Equal(
            ["waves[1].percent", "waves[2].percent", "waves[3]", "rate.devicesPerMinute", "rate.growth", "gate.minReportingPercent", "gate.maxErrorRate",
                "gate.maxP95Ratio", "gate.timeoutSeconds", "healthCheck.windowSeconds", "healthCheck.minInferences", "healthCheck.maxP95Milliseconds"],
            problems.Select(p => p.Field));
        Assert.Empty(RolloutPlanRules.Problems([new Wave(1, null), new Wave(null, 50), new Wave(100, null)], null, new HealthGate(), new LocalHealthLimits()));
    }

    [Fact]
    public void Waves_are_cumulative_shares_of_the_devices_selected_at_the_start_given_at_the_rate()
    {
        var rollout = Start(200, [new Wave(1, null), new Wave(50, null), new Wave(100, null)], new RolloutRate(10, 2));

        Assert.Equal(2, rollout.DueNow(Now.AddMinutes(5)));
        rollout.Gave(2, Now);
        Assert.Equal(0, rollout.DueNow(Now.AddMinutes(5)));
        rollout.PassWave(Now.AddMinutes(6));
        Assert.Equal(21, rollout.DueNow(Now.AddMinutes(7)));
        rollout.Gave(21, Now.AddMinutes(7));
        Assert.Equal(77, rollout.DueNow(Now.AddMinutes(20)));
    }

    [Fact]
    public void The_gate_waits_for_the_wave_then_passes_or_fails_on_failures_errors_and_latency()
    {
        var rollout = Start(10, [new Wave(50, null), new Wave(100, null)], gate: new HealthGate(80, 20, 0.05, 1.5, 60));
        rollout.Gave(5, Now);

        Assert.Equal(GateOutcome.Wait, rollout.Judge(new WaveFigures(5, 3, 0, 100, 0, 10, 10), Now.AddSeconds(10)).Outcome);
        Assert.Equal(GateOutcome.Pass, rollout.Judge(new WaveFigures(5, 4, 0, 100, 1, 10, 10), Now.AddSeconds(61)).Outcome);
        Assert.Contains("only 3 of 5", rollout.Judge(new WaveFigures(5, 3, 0, 100, 0, 10, 10), Now.AddSeconds(61)).Reason);
        Assert.Contains("2 of 5 devices failed", rollout.Judge(new WaveFigures(5, 1, 2, 100, 0, 10, 10), Now.AddSeconds(1)).Reason);
        Assert.Contains("error rate", rollout.Judge(new WaveFigures(5, 5, 0, 100, 9, 10, 10), Now.AddSeconds(1)).Reason);
        Assert.Contains("p95 20 ms against 10 ms", rollout.Judge(new WaveFigures(5, 5, 0, 100, 0, 20, 10), Now.AddSeconds(1)).Reason);
    }

    [Fact]
    public void A_failed_gate_pauses_or_rolls_back_as_its_policy_says_and_a_finished_rollout_refuses_more()
    {
        var paused = Start(4, [new Wave(100, null)], onFailure: FailurePolicy.Pause);
        var rolling = Start(4, [new Wave(100, null)]);

        paused.FailGate("wave 1 failed", Now);
        rolling.FailGate("wave 1 failed", Now);

        Assert.Equal((RolloutState.Paused, "wave 1 failed"), (paused.State, paused.Reason));
        Assert.Equal(RolloutState.RollingBack, rolling.State);
        rolling.FinishRollback(Now);
        Assert.Equal(RolloutState.RolledBack, rolling.State);
        Assert.Equal("rollout.state", Assert.Throws<DomainException>(() => rolling.Resume(Now)).Code);
        paused.Resume(Now);
        paused.Gave(4, Now);
        paused.PassWave(Now);
        Assert.Equal(RolloutState.Completed, paused.State);
        Assert.Equal([RolloutChange.Started, RolloutChange.Paused, RolloutChange.Resumed, RolloutChange.WavePassed, RolloutChange.Completed],
            paused.TakeDomainEvents().OfType<RolloutChanged>().Select(e => e.Change));
    }

    [Fact]
    public void A_rollout_to_no_device_is_refused() =>
        Assert.Equal("rollout.no-devices", Assert.Throws<DomainException>(() => Start(0, [new Wave(100, null)])).Code);
}
