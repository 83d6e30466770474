using Platform.Domain.Common;

namespace Platform.Domain.Artifacts;

/// <summary>A file a run produced (model, plot, report), named by a run-relative path and stored by its SHA-256.</summary>
public sealed class Artifact
{
    private Artifact()
    {
        Path = string.Empty;
        Sha256 = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public string Path { get; private set; }
    public string Sha256 { get; private set; }
    public long SizeBytes { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Artifact Create(Guid runId, string normalizedPath, string sha256, long sizeBytes, string createdBy, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        RunId = runId,
        Path = normalizedPath,
        Sha256 = sha256,
        SizeBytes = sizeBytes,
        CreatedBy = createdBy,
        CreatedAt = now,
    };

    /// <summary>Points the path at new content (a PUT to the same path replaces the file).</summary>
    public void Replace(string sha256, long sizeBytes, string by, DateTimeOffset now)
    {
        Sha256 = sha256;
        SizeBytes = sizeBytes;
        CreatedBy = by;
        CreatedAt = now;
    }
}
