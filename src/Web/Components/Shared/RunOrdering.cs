namespace Platform.Web.Components.Shared;

/// <summary>The runs table's order as the Api's <c>orderBy</c>: a click on a column orders by it, a second click reverses.</summary>
public static class RunOrdering
{
    public const string Default = "attributes.start_time desc";

    /// <summary>The field of an order: all before its last space (a quoted metric key may hold spaces itself).</summary>
    public static string FieldOf(string orderBy) => orderBy.LastIndexOf(' ') is var space and > 0 ? orderBy[..space] : orderBy;

    /// <summary>
    /// The order after a click on <paramref name="field"/>: the same field reversed, or a new one in its natural first
    /// direction (names and statuses A to Z, times and metrics highest first).
    /// </summary>
    public static string Toggle(string current, string field) => FieldOf(current) == field
        ? $"{field} {(current.EndsWith(" desc", StringComparison.OrdinalIgnoreCase) ? "asc" : "desc")}"
        : $"{field} {(field is "attributes.name" or "attributes.status" ? "asc" : "desc")}";

    /// <summary>A metric key as an orderBy field: backticks around keys that are not plain identifiers.</summary>
    public static string MetricField(string key) =>
        "metrics." + (key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') ? key : $"`{key}`");
}
