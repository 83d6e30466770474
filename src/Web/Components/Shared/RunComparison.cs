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
