namespace Platform.Domain.Federated;

/// <summary>
/// A site's local dataset as the platform knows it: its name, row count and each column's summary, never a row
/// (docs/decisions/ADR-009). The server builds a federation's model shape and normalisation from these, and checks a
/// site's schema against it before sampling the site.
/// </summary>
public sealed class SiteDataset
{
    public const int MaxColumns = 2000;
    public const int MaxValues = 100;

    private SiteDataset()
    {
        Name = string.Empty;
        Columns = [];
    }

    public Guid DeviceId { get; private set; }
    public string Name { get; private set; }
    public long Rows { get; private set; }
    public IReadOnlyList<SiteColumnSummary> Columns { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    public static SiteDataset Register(Guid deviceId, string name, long rows, IReadOnlyList<SiteColumnSummary> columns, DateTimeOffset now) =>
        new() { DeviceId = deviceId, Name = name, Rows = rows, Columns = [.. columns], RegisteredAt = now };

    public void Replace(long rows, IReadOnlyList<SiteColumnSummary> columns, DateTimeOffset now) => (Rows, Columns, RegisteredAt) = (rows, [.. columns], now);

    public SiteColumnSummary? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// One column of a site's dataset: its kind, how many values are missing, and for a number its min, max and mean; for
/// a category (a label), its distinct values (at most <see cref="SiteDataset.MaxValues"/>).
/// </summary>
public sealed record SiteColumnSummary(string Name, SiteColumnKind Kind, long Missing, double? Min, double? Max, double? Mean, IReadOnlyList<string>? Values);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SiteColumnKind>))]
public enum SiteColumnKind
{
    Number,
    Category,
}
