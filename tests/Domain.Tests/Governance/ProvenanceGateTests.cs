using Platform.Domain.Governance;
using static Platform.Domain.Tests.Governance.GovernanceTestData;

namespace Platform.Domain.Tests.Governance;

/// <summary>Gates on how a version was trained (dp.*, federated.*): read from the version's record, not its evaluation.</summary>
public sealed class ProvenanceGateTests
{
    private static readonly ApprovalPolicy Private = Policy(gates:
        [new MetricGate("dp.epsilon", GateOperator.AtMost, 8), new MetricGate("federated.sites", GateOperator.AtLeast, 5)]);

    private static readonly Dictionary<string, double> Record = new() { ["dp.epsilon"] = 3.2, ["federated.sites"] = 6, ["federated.rounds"] = 4 };

    [Fact]
    public void A_privacy_gate_reads_the_versions_record_and_keeps_what_it_read_as_evidence()
    {
        var evidence = GateChecker.Check(Private, Evaluation(2, ("accuracy", 0.9)), null, null, Now, Record);

        Assert.True(evidence.Passed, string.Join("; ", evidence.Failures.Select(f => f.Detail)));
        Assert.Equal(3.2, evidence.Results.Single(r => r.Metric == "dp.epsilon").Actual);
        Assert.Equal(["dp.epsilon", "federated.sites"], evidence.Provenance!.Keys.Order());
    }

    [Fact]
    public void An_epsilon_over_the_limit_is_refused_with_its_value()
    {
        var evidence = GateChecker.Check(Private, null, null, null, Now, new Dictionary<string, double>(Record) { ["dp.epsilon"] = 11.5 });

        var failure = Assert.Single(evidence.Failures);
        Assert.Equal(("dp.epsilon <= 8", 11.5), (failure.Gate, failure.Actual));
        Assert.Contains("dp.epsilon is 11.5", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_without_differential_privacy_fails_an_epsilon_gate_saying_the_figure_is_missing()
    {
        var evidence = GateChecker.Check(Private, Evaluation(2, ("dp.epsilon", 1)), null, null, Now, new Dictionary<string, double> { ["federated.sites"] = 6 });

        var failure = Assert.Single(evidence.Failures);
        Assert.Equal(("dp.epsilon", (double?)null), (failure.Metric, failure.Actual));
        Assert.Contains("records no dp.epsilon", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("no differential privacy", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_gate_still_reads_the_evaluation_only()
    {
        var policy = Policy(gates: [new MetricGate("accuracy", GateOperator.AtLeast, 0.8)]);

        var evidence = GateChecker.Check(policy, null, null, null, Now, new Dictionary<string, double> { ["accuracy"] = 0.99 });

        Assert.Contains("no evaluation", Assert.Single(evidence.Failures).Detail, StringComparison.Ordinal);
        Assert.Null(evidence.Provenance);
    }
}
