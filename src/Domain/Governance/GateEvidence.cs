namespace Platform.Domain.Governance;

/// <summary>One evaluation a gate looked at: whose, on which dataset version and split, with which metrics.</summary>
public sealed record EvaluationEvidence(
    Guid EvaluationId, int ModelVersion, string Dataset, int DatasetVersion, string Split, IReadOnlyDictionary<string, double> Metrics, DateTimeOffset EvaluatedAt);

/// <summary>One gate's verdict, with the figures it compared.</summary>
public sealed record GateResult(string Gate, string Metric, double? Actual, double Limit, bool Passed, string Detail);

/// <summary>What the gates saw when they were checked, kept on the promotion request as evidence.</summary>
public sealed record GateEvidence(
    DateTimeOffset CheckedAt, int? HolderVersion, EvaluationEvidence? Candidate, EvaluationEvidence? Holder, IReadOnlyList<GateResult> Results)
{
    public bool Passed => Results.All(r => r.Passed);

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<GateResult> Failures => Results.Where(r => !r.Passed);
}

/// <summary>
/// Checks a policy's gates: absolute thresholds on the candidate's evaluation, and regression limits against the
/// holder's evaluation on the same dataset version and split. A missing evaluation or metric fails its gate; with no
/// holder, a regression limit has nothing to compare with and passes.
/// </summary>
public static class GateChecker
{
    public static GateEvidence Check(
        ApprovalPolicy policy, EvaluationEvidence? candidate, int? holderVersion, EvaluationEvidence? holder, DateTimeOffset now)
    {
        var results = new List<GateResult>();
        foreach (var gate in policy.Gates)
        {
            var actual = Metric(candidate, gate.Metric);
            results.Add(actual is { } value
                ? new GateResult(gate.ToString(), gate.Metric, value, gate.Threshold, gate.Passes(value), $"{gate.Metric} is {value:0.####}")
                : new GateResult(gate.ToString(), gate.Metric, null, gate.Threshold, false, Missing(policy, candidate, gate.Metric)));
        }

        foreach (var limit in policy.RegressionLimits)
        {
            results.Add(CheckRegression(policy, limit, candidate, holderVersion, holder));
        }

        return new GateEvidence(now, holderVersion, candidate, holder, results);
    }

    private static GateResult CheckRegression(
        ApprovalPolicy policy, RegressionLimit limit, EvaluationEvidence? candidate, int? holderVersion, EvaluationEvidence? holder)
    {
        var gate = limit.ToString();
        if (holderVersion is null)
        {
            return new GateResult(gate, limit.Metric, null, limit.MaxRegression, true, $"no version is in {policy.Environment}");
        }

        if (Metric(candidate, limit.Metric) is not { } mine)
        {
            return new GateResult(gate, limit.Metric, null, limit.MaxRegression, false, Missing(policy, candidate, limit.Metric));
        }

        if (Metric(holder, limit.Metric) is not { } theirs)
        {
            return new GateResult(gate, limit.Metric, null, limit.MaxRegression, false,
                $"version {holderVersion} in {policy.Environment} has no {limit.Metric} on {candidate!.Dataset} v{candidate.DatasetVersion} {candidate.Split}");
        }

        var regression = limit.RegressionOf(mine, theirs);
        return new GateResult(gate, limit.Metric, regression, limit.MaxRegression, regression <= limit.MaxRegression,
            $"{limit.Metric} {mine:0.####} against {theirs:0.####} of version {holderVersion}");
    }

    private static double? Metric(EvaluationEvidence? evaluation, string metric) =>
        evaluation?.Metrics.TryGetValue(metric, out var value) == true && double.IsFinite(value) ? value : null;

    private static string Missing(ApprovalPolicy policy, EvaluationEvidence? candidate, string metric) => candidate is null
        ? $"the version has no evaluation on {policy.GateDataset} {policy.GateSplit}"
        : $"its evaluation on {candidate.Dataset} v{candidate.DatasetVersion} {candidate.Split} has no {metric}";
}
