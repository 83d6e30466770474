namespace Platform.Domain.Governance;

/// <summary>One evaluation a gate looked at: whose, on which dataset version and split, with which metrics.</summary>
public sealed record EvaluationEvidence(
    Guid EvaluationId, int ModelVersion, string Dataset, int DatasetVersion, string Split, IReadOnlyDictionary<string, double> Metrics, DateTimeOffset EvaluatedAt);

/// <summary>One gate's verdict, with the figures it compared.</summary>
public sealed record GateResult(string Gate, string Metric, double? Actual, double Limit, bool Passed, string Detail);

/// <summary>
/// What the gates saw when they were checked, kept on the promotion request as evidence: the evaluations, and the
/// figures of how the candidate was trained (<see cref="ProvenanceMetrics"/>) that its gates on them read.
/// </summary>
public sealed record GateEvidence(
    DateTimeOffset CheckedAt, int? HolderVersion, EvaluationEvidence? Candidate, EvaluationEvidence? Holder, IReadOnlyList<GateResult> Results,
    IReadOnlyDictionary<string, double>? Provenance = null)
{
    public bool Passed => Results.All(r => r.Passed);

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<GateResult> Failures => Results.Where(r => !r.Passed);
}

/// <summary>
/// Checks a policy's gates: absolute thresholds on the candidate's evaluation (or, for a figure of how it was trained,
/// on its <paramref name="provenance"/>), and regression limits against the holder's evaluation on the same dataset
/// version and split. A missing evaluation or metric fails its gate (so <c>dp.epsilon AtMost 8</c> refuses a version
/// trained without differential privacy); with no holder, a regression limit has nothing to compare with and passes.
/// </summary>
public static class GateChecker
{
    /// <param name="provenance">The candidate's figures of how it was trained (<see cref="ProvenanceMetrics"/>), from its lineage and metrics at registration.</param>
    public static GateEvidence Check(
        ApprovalPolicy policy, EvaluationEvidence? candidate, int? holderVersion, EvaluationEvidence? holder, DateTimeOffset now,
        IReadOnlyDictionary<string, double>? provenance = null)
    {
        var results = new List<GateResult>();
        foreach (var gate in policy.Gates)
        {
            var recorded = ProvenanceMetrics.Covers(gate.Metric);
            var actual = recorded ? Finite(provenance, gate.Metric) : Metric(candidate, gate.Metric);
            results.Add(actual is { } value
                ? new GateResult(gate.ToString(), gate.Metric, value, gate.Threshold, gate.Passes(value), $"{gate.Metric} is {value:0.####}")
                : new GateResult(gate.ToString(), gate.Metric, null, gate.Threshold, false,
                    recorded ? NotRecorded(gate.Metric) : Missing(policy, candidate, gate.Metric)));
        }

        foreach (var limit in policy.RegressionLimits)
        {
            results.Add(CheckRegression(policy, limit, candidate, holderVersion, holder));
        }

        return new GateEvidence(now, holderVersion, candidate, holder, results, Read(policy, provenance));
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

    private static double? Metric(EvaluationEvidence? evaluation, string metric) => Finite(evaluation?.Metrics, metric);

    /// <summary>The figures of how the version was trained that its gates read (null when none reads any), kept as evidence.</summary>
    private static Dictionary<string, double>? Read(ApprovalPolicy policy, IReadOnlyDictionary<string, double>? provenance)
    {
        var read = policy.Gates.Select(g => g.Metric).Where(ProvenanceMetrics.Covers).Distinct(StringComparer.Ordinal)
            .Where(m => Finite(provenance, m) is not null).ToDictionary(m => m, m => provenance![m], StringComparer.Ordinal);
        return read.Count == 0 ? null : read;
    }

    private static double? Finite(IReadOnlyDictionary<string, double>? figures, string metric) =>
        figures?.TryGetValue(metric, out var value) == true && double.IsFinite(value) ? value : null;

    private static string NotRecorded(string metric) => metric.StartsWith(ProvenanceMetrics.PrivacyPrefix, StringComparison.Ordinal)
        ? $"the version records no {metric}: no differential privacy is recorded for its training (in its lineage or its metrics at registration)"
        : $"the version records no {metric} in its lineage or its metrics at registration";

    private static string Missing(ApprovalPolicy policy, EvaluationEvidence? candidate, string metric) => candidate is null
        ? $"the version has no evaluation on {policy.GateDataset} {policy.GateSplit}"
        : $"its evaluation on {candidate.Dataset} v{candidate.DatasetVersion} {candidate.Split} has no {metric}";
}
