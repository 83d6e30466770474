using Platform.Application.Artifacts.Queries.GetArtifact;
using Platform.Application.Auditing.Queries.ExportAuditEvents;
using Platform.Application.Registry.Queries.GetModelVersionArtifact;
using Platform.Domain.Auditing;

namespace Platform.Application.Downloads;

/// <summary>
/// A download's content, opened by the normal read query of its kind: a stream (artefact, model file) or the audit
/// events to write out. The caller disposes <see cref="Content"/>.
/// </summary>
public sealed record DownloadContent(string FileName, string ContentType, Stream? Content, string? Sha256, IAsyncEnumerable<AuditEvent>? AuditEvents);

internal static class DownloadReads
{
    /// <summary>Opens the target through the query its read endpoint sends, so the same role and visibility checks apply.</summary>
    public static async Task<DownloadContent> OpenAsync(ISender sender, DownloadTarget target, CancellationToken cancellationToken)
    {
        switch (target.Kind)
        {
            case DownloadKind.RunArtifact:
                var artifact = await sender.Send(new GetArtifactQuery(target.RunId!.Value, target.Path!), cancellationToken);
                return new(SafeFileName(artifact.Artifact.Path.Split('/')[^1]), "application/octet-stream", artifact.Content, artifact.Artifact.Sha256, null);
            case DownloadKind.ModelVersion:
                var model = await sender.Send(new GetModelVersionArtifactQuery(target.Model!, target.Version!.Value), cancellationToken);
                return new(SafeFileName(model.FileName), "application/octet-stream", model.Content, model.Sha256, null);
            default:
                var events = await sender.Send(new ExportAuditEventsQuery(target.AuditFilter), cancellationToken);
                var json = target.Format == "json";
                return new(json ? "audit.json" : "audit.csv", json ? "application/json" : "text/csv; charset=utf-8", null, null, events);
        }
    }

    /// <summary>A file name a browser can save as it is: letters, digits, '.', '_' and '-' only (anything else '_'), never a path, never hidden.</summary>
    public static string SafeFileName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_')]).TrimStart('.');
        return safe.Length == 0 ? "download" : safe.Length > 100 ? safe[^100..] : safe;
    }
}
