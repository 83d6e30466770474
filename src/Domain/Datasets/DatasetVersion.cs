using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Datasets;

/// <summary>
/// One immutable version of a named dataset: its content (stored by SHA-256), the schema and per-column statistics
/// found when it was read (the drift baseline later), and who uploaded it. Versions of a name count up from 1. A version
/// is recorded as soon as its file is stored (<see cref="Receive"/>), then either profiled (<see cref="Profiled"/>) or
/// refused with the reason (<see cref="ProfilingFailed"/>); see <see cref="DatasetVersionStatus"/>.
/// </summary>
public sealed class DatasetVersion : IWorkspaceOwned
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

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public int Version { get; private set; }
    public string Format { get; private set; }
    public string Sha256 { get; private set; }
    public long SizeBytes { get; private set; }
    public int RowCount { get; private set; }
    public int ColumnCount { get; private set; }

    /// <summary>Schema and statistics as JSON (column names, inferred kinds, counts, numeric and categorical statistics).</summary>
    public string ProfileJson { get; private set; }

    /// <summary>
    /// How the rows divide into train / validation / test (seed and fractions, or a column) and, once ready, the row
    /// count of each.
    /// </summary>
    public string SplitJson { get; private set; }

    public DatasetVersionStatus Status { get; private set; }

    /// <summary>Why the file could not be read as a dataset (row and column named), when <see cref="Status"/> is Failed.</summary>
    public string? Problem { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A version whose file is stored and whose rows are yet to be read; <paramref name="splitJson"/> is the split asked for.</summary>
    public static DatasetVersion Receive(
        string name, int version, string format, string sha256, long sizeBytes, string splitJson, string createdBy, DateTimeOffset now)
    {
        if (version < 1)
        {
            throw new DomainException("dataset.version", "Dataset versions count from 1.");
        }

        return new DatasetVersion
        {
            Id = Ids.New(),
            Name = name,
            Version = version,
            Format = format,
            Sha256 = sha256,
            SizeBytes = sizeBytes,
            ProfileJson = "{}",
            SplitJson = splitJson,
            Status = DatasetVersionStatus.Profiling,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>A version stored and profiled at once.</summary>
    public static DatasetVersion Create(
        string name, int version, string format, string sha256, long sizeBytes, int rowCount, int columnCount, string profileJson,
        string splitJson, string createdBy, DateTimeOffset now)
    {
        var created = Receive(name, version, format, sha256, sizeBytes, splitJson, createdBy, now);
        created.Profiled(rowCount, columnCount, profileJson, splitJson);
        return created;
    }

    /// <summary>Records what reading the file found; the version becomes usable.</summary>
    public void Profiled(int rowCount, int columnCount, string profileJson, string splitJson)
    {
        if (Status != DatasetVersionStatus.Profiling)
        {
            throw new DomainException("dataset.profiled", $"Dataset {Name} v{Version} is {Status}; only a version being profiled takes a profile.");
        }

        if (rowCount < 1 || columnCount < 1)
        {
            throw new DomainException("dataset.empty", "A dataset version holds at least one row and one column.");
        }

        RowCount = rowCount;
        ColumnCount = columnCount;
        ProfileJson = profileJson;
        SplitJson = splitJson;
        Status = DatasetVersionStatus.Ready;
    }

    /// <summary>The file is not a usable dataset: the version stays, unusable, with the reason.</summary>
    public void ProfilingFailed(string problem)
    {
        if (Status != DatasetVersionStatus.Profiling)
        {
            throw new DomainException("dataset.profiled", $"Dataset {Name} v{Version} is {Status}; only a version being profiled can fail.");
        }

        Problem = string.IsNullOrWhiteSpace(problem) ? "the file could not be read" : problem;
        Status = DatasetVersionStatus.Failed;
    }

    /// <summary>Refuses a use of this version's rows unless it is ready, saying why.</summary>
    public static string? NotUsable(string name, int version, DatasetVersionStatus status, string? problem) => status switch
    {
        DatasetVersionStatus.Profiling => $"Dataset {name} v{version} is still being profiled; try again when its status is Ready.",
        DatasetVersionStatus.Failed => $"Dataset {name} v{version} could not be read ({problem}); upload a corrected file as a new version.",
        _ => null,
    };
}
