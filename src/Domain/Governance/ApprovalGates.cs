namespace Platform.Domain.Governance;

/// <summary>How a gate compares a metric with its threshold.</summary>
public enum GateOperator
{
    AtLeast,
    AtMost,
}

/// <summary>An absolute threshold on a named evaluation metric, e.g. <c>rocAuc AtLeast 0.8</c>.</summary>
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
