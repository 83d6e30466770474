namespace Platform.Application.Downloads;

public enum DownloadKind
{
    /// <summary>A run's artefact: <see cref="DownloadTarget.RunId"/> and <see cref="DownloadTarget.Path"/>.</summary>
    RunArtifact,

    /// <summary>A model version's ONNX file: <see cref="DownloadTarget.Model"/> and <see cref="DownloadTarget.Version"/>.</summary>
    ModelVersion,

    /// <summary>The audit trail as CSV or JSON (<see cref="DownloadTarget.Format"/>), with the list's filters.</summary>
    AuditExport,
}

/// <summary>What a download link gives: one of the kinds, with the fields that kind reads (the others stay null).</summary>
public sealed record DownloadTarget(
    DownloadKind Kind,
    Guid? RunId = null,
    string? Path = null,
    string? Model = null,
    int? Version = null,
    string? Format = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Actor = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public Auditing.AuditFilter AuditFilter => new(EntityType, EntityId, Actor, Action, From, To);
}

/// <summary>The answer to making a link: where to fetch it (no credentials needed there), the file's name, and when the link stops working.</summary>
public sealed record DownloadLinkDto(string Url, string FileName, DateTimeOffset ExpiresAt);
