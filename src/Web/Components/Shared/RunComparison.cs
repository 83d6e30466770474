using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>One parameter across the compared runs: its value in each (null where a run lacks it), and whether they differ.</summary>
public sealed record ParameterRow(string Key, IReadOnlyList<string?> Values, bool Differs);

public static class RunComparison
{
    /// <summary>Every parameter any run has, in name order; those that differ first, so the diff is at the top.</summary>
    public static IReadOnlyList<ParameterRow> Parameters(IReadOnlyList<RunDetail> runs) =>
        [.. runs.SelectMany(r => r.Params.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(key =>
            {
                var values = runs.Select(r => r.Params.TryGetValue(key, out var v) ? v : null).ToList();
                return new ParameterRow(key, values, values.Distinct().Count() > 1);
            })
            .OrderByDescending(row => row.Differs)];
}

/// <summary>One metric across the compared runs: each run's latest value (null where it has none) and which run is best.</summary>
public sealed record LatestMetricRow(string Key, IReadOnlyList<double?> Values, int? Best);

public static class LatestMetricComparison
{
    /// <summary>Every metric any run has, in name order; the best is the highest, or the lowest for losses, errors and latencies.</summary>
    public static IReadOnlyList<LatestMetricRow> Rows(IReadOnlyList<RunDetail> runs) =>
        [.. runs.SelectMany(r => r.Metrics.Select(m => m.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(key =>
        {
            var values = runs.Select(r => r.Metrics.FirstOrDefault(m => m.Key == key) is { } m && double.IsFinite(m.Value) ? m.Value : (double?)null).ToList();
            var ranked = values.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
            int? best = ranked.Count < 2 ? null
                : MetricDeltas.SmallerIsBetter(key) ? ranked.MinBy(p => p.v).i : ranked.MaxBy(p => p.v).i;
            return new LatestMetricRow(key, values, best);
        })];
}
