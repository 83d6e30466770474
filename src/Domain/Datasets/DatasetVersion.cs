using Platform.Domain.Common;

namespace Platform.Domain.Datasets;

/// <summary>
/// One immutable version of a named dataset: its content (stored by SHA-256), the schema and per-column statistics
/// found when it was uploaded (the drift baseline later), and who uploaded it. Versions of a name count up from 1.
/// </summary>
public sealed class DatasetVersion
{
    public const int MaxNameLength = 100;

    private DatasetVersion()
    {
        Name = string.Empty;
        Format = string.Empty;
        Sha256 = string.Empty;
        ProfileJson = string.Empty;
        SplitJson = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public int Version { get; private set; }
    public string Format { get; private set; }
    public string Sha256 { get; private set; }
    public long SizeBytes { get; private set; }
    public int RowCount { get; private set; }
    public int ColumnCount { get; private set; }

    /// <summary>Schema and statistics as JSON (column names, inferred kinds, counts, numeric and categorical statistics).</summary>
    public string ProfileJson { get; private set; }

    /// <summary>How the rows divide into train / validation / test (seed and fractions, or a column) and the row count of each.</summary>
    public string SplitJson { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static DatasetVersion Create(
        string name, int version, string format, string sha256, long sizeBytes, int rowCount, int columnCount, string profileJson,
        string splitJson, string createdBy, DateTimeOffset now)
    {
        if (version < 1)
        {
            throw new DomainException("dataset.version", "Dataset versions count from 1.");
        }

        if (rowCount < 1 || columnCount < 1)
        {
            throw new DomainException("dataset.empty", "A dataset version holds at least one row and one column.");
        }

        return new DatasetVersion
        {
            Id = Ids.New(),
            Name = name,
            Version = version,
            Format = format,
            Sha256 = sha256,
            SizeBytes = sizeBytes,
            RowCount = rowCount,
            ColumnCount = columnCount,
            ProfileJson = profileJson,
            SplitJson = splitJson,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }
}
