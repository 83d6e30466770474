namespace Platform.Web.Components.Pages.Fleet;

/// <summary>Labels being edited as rows (key, value), read back as the dictionary the Api takes; blank rows are left out.</summary>
public sealed class LabelRows
{
    public sealed class Row
    {
        public string? Key { get; set; }
        public string? Value { get; set; }
    }

    public List<Row> Rows { get; } = [];

    public static LabelRows From(IReadOnlyDictionary<string, string> labels)
    {
        var rows = new LabelRows();
        rows.Rows.AddRange(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new Row { Key = l.Key, Value = l.Value }));
        return rows;
    }

    public void Add() => Rows.Add(new Row());

    public void Remove(Row row) => Rows.Remove(row);

    /// <summary>A key written twice: the portal says so before sending, as a dictionary cannot hold it.</summary>
    public string? Duplicate => Rows.Where(r => !string.IsNullOrWhiteSpace(r.Key)).GroupBy(r => r.Key!.Trim()).FirstOrDefault(g => g.Count() > 1)?.Key;

    /// <summary>What the Api said about the label <paramref name="key"/> (its field is <c>labels[key]</c>).</summary>
    public static string? Complaint(IReadOnlyDictionary<string, string[]> errors, string key) =>
        errors.TryGetValue($"labels[{key.Trim()}]", out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    /// <summary>Whether every field the Api complained about is a label among <paramref name="labels"/>: then the rows say it all.</summary>
    public static bool AllOnRows(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> labels) =>
        errors.Keys.All(k => labels.Keys.Any(l => k == $"labels[{l}]"));

    public IReadOnlyDictionary<string, string> ToDictionary() => Rows
        .Where(r => !string.IsNullOrWhiteSpace(r.Key))
        .GroupBy(r => r.Key!.Trim())
        .ToDictionary(g => g.Key, g => g.Last().Value?.Trim() ?? "");
}
