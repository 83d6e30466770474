using System.Text.Json;

namespace Platform.Web.Components.Shared;

public enum Verdict
{
    Same,
    Better,
    Worse,

    /// <summary>Only one side has the metric.</summary>
    Unknown,
}

/// <summary>One metric of a candidate against the version in production: both values, candidate minus production, and which is better.</summary>
public sealed record MetricDelta(string Metric, double? Candidate, double? Production, double? Delta, Verdict Verdict);

public static class MetricDeltas
{
    private static readonly string[] LowerIsBetter = ["loss", "rmse", "mae", "mse", "error", "latency"];

    /// <summary>Whether a smaller value of the metric is the better one (losses, errors, latencies; not a loss reduction); otherwise larger is.</summary>
    public static bool SmallerIsBetter(string metric) =>
        LowerIsBetter.Any(part => metric.Contains(part, StringComparison.OrdinalIgnoreCase)) && !metric.Contains("reduction", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every numeric metric either report has, in name order.</summary>
    public static IReadOnlyList<MetricDelta> Compare(JsonElement candidate, JsonElement production)
    {
        var (a, b) = (Numbers(candidate), Numbers(production));
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal).Select(metric =>
        {
            double? c = a.TryGetValue(metric, out var x) ? x : null;
            double? p = b.TryGetValue(metric, out var y) ? y : null;
            if (c is null || p is null)
            {
                return new MetricDelta(metric, c, p, null, Verdict.Unknown);
            }

            var delta = c.Value - p.Value;
            var verdict = Math.Abs(delta) <= 1e-12 ? Verdict.Same : (delta > 0) != SmallerIsBetter(metric) ? Verdict.Better : Verdict.Worse;
            return new MetricDelta(metric, c, p, delta, verdict);
        })];
    }

    private static Dictionary<string, double> Numbers(JsonElement metrics) => metrics.ValueKind != JsonValueKind.Object
        ? []
        : metrics.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && double.IsFinite(p.Value.GetDouble()))
            .ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
}
