using Platform.Domain.Governance;
using static Platform.Domain.Tests.Governance.GovernanceTestData;

namespace Platform.Domain.Tests.Governance;

public sealed class GateCheckerTests
{
    private static readonly ApprovalPolicy Gated = Policy(
        gates: [new MetricGate("rocAuc", GateOperator.AtLeast, 0.8), new MetricGate("logLoss", GateOperator.AtMost, 0.5)],
        limits: [new RegressionLimit("rocAuc", 0.01), new RegressionLimit("rmse", 0.1, HigherIsBetter: false)]);

    [Fact]
    public void Thresholds_pass_or_fail_on_the_candidates_figures_and_name_the_gate()
    {
        var evidence = GateChecker.Check(Gated, Evaluation(2, ("rocAuc", 0.75), ("logLoss", 0.3), ("rmse", 1)), null, null, Now);

        var failure = Assert.Single(evidence.Failures);
        Assert.Equal("rocAuc >= 0.8", failure.Gate);
        Assert.Equal(0.75, failure.Actual);
        Assert.False(evidence.Passed);
    }

    [Fact]
    public void A_missing_evaluation_or_metric_fails_its_gate()
    {
        var none = GateChecker.Check(Gated, null, null, null, Now);
        var noLogLoss = GateChecker.Check(Gated, Evaluation(2, ("rocAuc", 0.9), ("rmse", 1)), null, null, Now);

        Assert.Equal(2, none.Failures.Count(f => f.Detail.Contains("no evaluation")));
        Assert.Equal("logLoss <= 0.5", Assert.Single(noLogLoss.Failures).Gate);
    }

    [Fact]
    public void Regression_is_measured_against_the_holder_in_the_metrics_direction()
    {
        var candidate = Evaluation(2, ("rocAuc", 0.95), ("logLoss", 0.2), ("rmse", 1.25));
        var holder = Evaluation(1, ("rocAuc", 0.955), ("logLoss", 0.2), ("rmse", 1.0));

        var evidence = GateChecker.Check(Gated, candidate, 1, holder, Now);

        Assert.Equal(["rmse regression <= 0.1 against the current holder"], evidence.Failures.Select(f => f.Gate));
        Assert.Equal(0.25, evidence.Failures.Single().Actual!.Value, 12);
    }

    [Fact]
    public void Regression_limits_pass_with_no_holder_and_fail_when_the_holder_has_no_comparable_evaluation()
    {
        var candidate = Evaluation(2, ("rocAuc", 0.95), ("logLoss", 0.2), ("rmse", 1.0));

        Assert.True(GateChecker.Check(Gated, candidate, null, null, Now).Passed);
        var unmatched = GateChecker.Check(Gated, candidate, 1, null, Now);
        Assert.All(unmatched.Failures, f => Assert.Contains("version 1 in Production has no", f.Detail));
        Assert.Equal(2, unmatched.Failures.Count());
    }
}
