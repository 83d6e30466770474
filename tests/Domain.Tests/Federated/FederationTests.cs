using Platform.Domain.Common;
using Platform.Domain.Federated;
using Platform.Domain.Governance;

namespace Platform.Domain.Tests.Federated;

/// <summary>A federation's plan rules, its rounds' acceptance of site messages, and what a failed round or a spent budget does.</summary>
public sealed class FederationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private static readonly FederatedModelShape Shape = new(["a", "b"], ["0", "1"], [0, 0], [0, 0], [1, 1]);

    private static FederationPlan Plan(
        FederatedStrategy strategy = FederatedStrategy.FedAvg, bool secure = false, int quorum = 2, int minSites = 3, int attempts = 2, PrivacyPlan? privacy = null) => new(
        new FederatedModelPlan(FederatedModelKind.Softmax, 0), "local", "y", "", 2, new SiteSampling(1, minSites), new LocalTrainingPlan(1, 32, 0.1),
        new StrategyPlan(strategy, 0, 1, 0.1, 0), new CompressionPlan(UpdateEncodingKind.Float32, null), privacy, secure, 60, quorum, attempts, SiteAdmission.Operator, 0);

    private static Federation Running(FederationPlan plan)
    {
        var federation = Federation.Create(Guid.NewGuid(), Guid.NewGuid(), "f", plan, new Actor(null, "ds"), Now);
        federation.Begin(Shape, new byte[4 * Shape.ParameterCount(plan.Model)]);
        return federation;
    }

    [Fact]
    public void A_robust_strategy_under_secure_aggregation_and_a_quorum_above_the_minimum_are_refused_naming_the_field()
    {
        var problems = FederationPlanRules.Problems(Plan(FederatedStrategy.Median, secure: true, quorum: 4)).Select(p => p.Field).ToList();

        Assert.Equal(["quorum", "strategy.kind"], problems);
    }

    [Fact]
    public void A_round_takes_a_message_only_from_a_sampled_site_in_its_phase_before_its_deadline()
    {
        var federation = Running(Plan());
        var (a, b, outsider) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var round = federation.OpenRound([a, b], eligible: 4, attempt: 1, Now);

        round.RequireAccepting(a, RoundPhase.Update, Now.AddSeconds(59));
        Assert.Equal(0.5, round.SamplingRate);
        Assert.Equal("federation.not-selected", Assert.Throws<DomainException>(() => round.RequireAccepting(outsider, RoundPhase.Update, Now)).Code);
        Assert.Equal("federation.wrong-phase", Assert.Throws<DomainException>(() => round.RequireAccepting(a, RoundPhase.MaskedUpdate, Now)).Code);
        Assert.Equal("federation.deadline-passed", Assert.Throws<DomainException>(() => round.RequireAccepting(b, RoundPhase.Update, Now.AddSeconds(61))).Code);
    }

    [Fact]
    public void A_round_that_misses_its_quorum_is_tried_again_until_its_last_attempt_fails_the_federation_with_the_reason()
    {
        var federation = Running(Plan(attempts: 2));
        var first = federation.OpenRound([Guid.NewGuid(), Guid.NewGuid()], 2, 1, Now);
        first.Fail("1 of its 2 sites sent an update by the deadline; it needs 2", 1, 100, Now);

        Assert.True(federation.RoundFailed(first, Now));
        Assert.Equal((FederationState.Running, (Guid?)null), (federation.State, federation.CurrentRoundId));
        var second = federation.OpenRound([Guid.NewGuid(), Guid.NewGuid()], 2, 2, Now);
        second.Fail("0 of its 2 sites sent an update by the deadline; it needs 2", 0, 0, Now);

        Assert.False(federation.RoundFailed(second, Now));
        Assert.Equal(FederationState.Failed, federation.State);
        Assert.Contains("Round 1 failed 2 time(s): 0 of its 2 sites", federation.Reason);
    }

    [Fact]
    public void An_aggregated_round_keeps_the_new_weights_and_a_closed_round_is_not_aggregated_again()
    {
        var federation = Running(Plan());
        var round = federation.OpenRound([Guid.NewGuid(), Guid.NewGuid()], 2, 1, Now);
        var weights = new byte[federation.Weights.Length];
        weights[0] = 1;
        round.Close(new RoundOutcome(2, 20, 100, 0.5, 0.6, 0.7), null, Now);
        federation.Aggregated(round, weights, [], null);

        Assert.Equal((1, weights), (federation.CompletedRounds, federation.Weights));
        Assert.Equal("federation.round-closed", Assert.Throws<DomainException>(() => federation.Aggregated(round, weights, [], null)).Code);
        Assert.Equal("federation.not-done", Assert.Throws<DomainException>(() => federation.Complete(Now)).Code);
    }

    [Fact]
    public void Stopping_for_the_budget_says_which_round_would_pass_it_and_keeps_the_rounds_done()
    {
        var federation = Running(Plan(privacy: new PrivacyPlan(1, 1.1, 1e-5, 2)));

        federation.StopForBudget(2.4, Now);

        Assert.Equal(FederationState.Stopped, federation.State);
        Assert.Contains("Round 1 would spend ε = 2.4, over the budget of 2", federation.Reason);
    }
}
