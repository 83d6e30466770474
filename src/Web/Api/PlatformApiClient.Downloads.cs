namespace Platform.Web.Api;

/// <summary>What to download: a run's artefact, a model version's file, or the audit trail with filters (the Api's <c>POST /downloads</c> body).</summary>
public sealed record DownloadRequest(
    string Kind, Guid? RunId = null, string? Path = null, string? Model = null, int? Version = null, string? Format = null,
    string? Actor = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public static DownloadRequest RunArtifact(Guid runId, string path) => new("RunArtifact", RunId: runId, Path: path);

    public static DownloadRequest ModelVersion(string model, int version) => new("ModelVersion", Model: model, Version: version);

    /// <summary>The audit trail as the page filters it: actor, action and its range of days (see <see cref="AuditQuery"/>).</summary>
    public static DownloadRequest AuditExport(string format, AuditQuery query) =>
        new("AuditExport", Format: format, Actor: string.IsNullOrWhiteSpace(query.Actor) ? null : query.Actor.Trim(),
            Action: string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim(), From: query.From, To: query.To);
}

/// <summary>A signed link the browser may follow without a token, for about two minutes.</summary>
public sealed record DownloadLink(string Url, string FileName, DateTimeOffset ExpiresAt);

public sealed partial class PlatformApiClient
{
    /// <summary>A short-lived link to what the user may read, made with their token; the browser then fetches it with none.</summary>
    public Task<DownloadLink> DownloadLinkAsync(DownloadRequest request, CancellationToken ct = default) =>
        PostAsync<DownloadLink>("api/v1/downloads", request, ct);
}
