using System.Globalization;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Tracking;

/// <summary>
/// What the runs table shows, as it travels in the address (<c>?filter=&amp;order=&amp;cols=&amp;cursor=&amp;page=</c>), so a
/// reload or a shared link shows the same view. <see cref="Columns"/> null means the default columns; a column is
/// <c>params.KEY</c> or <c>metrics.KEY</c> (keys hold no commas, so the list is comma-separated).
/// </summary>
public sealed record RunsView(string? Filter, string OrderBy, IReadOnlyList<string>? Columns, string? Cursor, int Page)
{
    public const string ParamPrefix = "params.";
    public const string MetricPrefix = "metrics.";

    /// <summary>Default columns: this many params and this many metrics, in key order.</summary>
    public const int DefaultPerKind = 6;

    public static RunsView Default { get; } = new(null, RunOrdering.Default, null, null, 1);

    public static RunsView FromQuery(string? filter, string? order, string? cols, string? cursor, string? page) => new(
        string.IsNullOrWhiteSpace(filter) ? null : filter.Trim(),
        string.IsNullOrWhiteSpace(order) ? RunOrdering.Default : order.Trim(),
        cols is null ? null : [.. cols.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsColumn).Distinct()],
        string.IsNullOrEmpty(cursor) ? null : cursor,
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 1 && cursor is { Length: > 0 } ? p : 1);

    /// <summary>The query parameters of this view; defaults are left out (null removes a parameter).</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["filter"] = Filter,
        ["order"] = OrderBy == RunOrdering.Default ? null : OrderBy,
        ["cols"] = Columns is null ? null : string.Join(',', Columns),
        ["cursor"] = Cursor,
        ["page"] = Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null,
    };

    /// <summary>One string per distinct view (records compare lists by reference).</summary>
    public string Key => string.Join('\n', ToQuery().Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The columns shown: the chosen ones that exist, in the order chosen, or the default ones.</summary>
    public IReadOnlyList<string> ColumnsOf(RunKeys keys)
    {
        if (Columns is null)
        {
            return [.. keys.Params.Take(DefaultPerKind).Select(k => ParamPrefix + k), .. keys.Metrics.Take(DefaultPerKind).Select(k => MetricPrefix + k)];
        }

        var known = All(keys).ToHashSet(StringComparer.Ordinal);
        return [.. Columns.Where(known.Contains)];
    }

    /// <summary>Every column the keys allow: params first, then metrics.</summary>
    public static IReadOnlyList<string> All(RunKeys keys) =>
        [.. keys.Params.Select(k => ParamPrefix + k), .. keys.Metrics.Select(k => MetricPrefix + k)];

    public static bool IsMetric(string column) => column.StartsWith(MetricPrefix, StringComparison.Ordinal);

    public static string KeyOf(string column) => IsMetric(column) ? column[MetricPrefix.Length..] : column[ParamPrefix.Length..];

    /// <summary>A cell's text: the param's value, or the metric's latest value; a dash where the run has none.</summary>
    public static string Cell(RunRow run, string column) => IsMetric(column)
        ? run.Metrics.FirstOrDefault(m => m.Key == KeyOf(column)) is { } m ? m.Value.ToString("0.####", CultureInfo.InvariantCulture) : "–"
        : run.Params.TryGetValue(KeyOf(column), out var value) ? value : "–";

    private static bool IsColumn(string column) =>
        (column.StartsWith(ParamPrefix, StringComparison.Ordinal) && column.Length > ParamPrefix.Length)
        || (IsMetric(column) && column.Length > MetricPrefix.Length);
}
