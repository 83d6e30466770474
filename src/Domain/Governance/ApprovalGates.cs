namespace Platform.Domain.Governance;

/// <summary>How a gate compares a metric with its threshold.</summary>
public enum GateOperator
{
    AtLeast,
    AtMost,
}

/// <summary>
/// An absolute threshold on a named metric: of the candidate's evaluation (e.g. <c>rocAuc AtLeast 0.8</c>), or, for a
/// figure of how it was trained (<see cref="ProvenanceMetrics"/>, e.g. <c>dp.epsilon AtMost 8</c>), of the version's own record.
/// </summary>
public sealed record MetricGate(string Metric, GateOperator Operator, double Threshold)
{
    public bool Passes(double value) => Operator == GateOperator.AtLeast ? value >= Threshold : value <= Threshold;

    public override string ToString() => $"{Metric} {(Operator == GateOperator.AtLeast ? ">=" : "<=")} {Threshold}";
}

/// <summary>
/// The most a metric may get worse than the version holding the stage now, on the same dataset version and split
/// (for a metric where lower is better, e.g. rmse, set <see cref="HigherIsBetter"/> false).
/// </summary>
public sealed record RegressionLimit(string Metric, double MaxRegression, bool HigherIsBetter = true)
{
    /// <summary>How much worse the candidate is than the holder (negative when better).</summary>
    public double RegressionOf(double candidate, double holder) => HigherIsBetter ? holder - candidate : candidate - holder;

    public override string ToString() => $"{Metric} regression <= {MaxRegression} against the current holder";
}

/// <summary>
/// Figures about how a version was trained rather than how it scores: differential privacy's (<c>dp.epsilon</c>,
/// <c>dp.delta</c>, …) and federated training's (<c>federated.rounds</c>, <c>federated.sites</c>, …). No evaluation
/// measures them, so a gate on one reads the version's lineage and its metrics at registration instead.
/// </summary>
public static class ProvenanceMetrics
{
    public const string PrivacyPrefix = "dp.";
    public const string FederatedPrefix = "federated.";

    public static bool Covers(string metric) =>
        metric.StartsWith(PrivacyPrefix, StringComparison.Ordinal) || metric.StartsWith(FederatedPrefix, StringComparison.Ordinal);
}
