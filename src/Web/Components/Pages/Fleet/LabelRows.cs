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

    public IReadOnlyDictionary<string, string> ToDictionary() => Rows
        .Where(r => !string.IsNullOrWhiteSpace(r.Key))
        .GroupBy(r => r.Key!.Trim())
        .ToDictionary(g => g.Key, g => g.Last().Value?.Trim() ?? "");
}
