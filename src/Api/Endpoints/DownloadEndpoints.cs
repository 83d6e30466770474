using Mediator;
using Microsoft.Net.Http.Headers;
using Platform.Application.Downloads;
using Platform.Application.Downloads.Commands.CreateDownloadLink;
using Platform.Application.Downloads.Queries.OpenDownload;

namespace Platform.Api.Endpoints;

/// <summary>
/// Short-lived signed download links, for browsers that hold no token (the portal): <c>POST /downloads</c> with the
/// user's token answers a link; <c>GET /downloads/{token}</c> needs no credentials (the link is one) and streams the
/// content as an attachment.
/// </summary>
internal static class DownloadEndpoints
{
    public const string Path = "/api/v1/downloads/";

    public static void MapDownloadEndpoints(this RouteGroupBuilder api)
    {
        var downloads = api.MapGroup("/downloads").WithTags("Downloads");

        downloads.MapPost("/", async (DownloadTarget target, ISender sender, CancellationToken ct) =>
            {
                var link = await sender.Send(new CreateDownloadLinkCommand(target), ct);
                return TypedResults.Ok(new DownloadLinkDto(Path + link.Token, link.FileName, link.ExpiresAt));
            })
            .WithSummary("A link, valid for about 2 minutes, to download a run's artefact, a model version's file or the audit trail (CSV or JSON, filtered); only to what the caller may read.");
    }

    /// <summary>Opening a link: outside every workspace's path, since the signed link names its workspace itself.</summary>
    public static void MapDownloadOpening(this RouteGroupBuilder api)
    {
        var downloads = api.MapGroup("/downloads").WithTags("Downloads");

        downloads.MapGet("/{token}", async (string token, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var content = await sender.Send(new OpenDownloadQuery(token), ct);
                http.Response.Headers.CacheControl = "no-store";
                if (content.Content is { } stream)
                {
                    var etag = content.Sha256 is { } sha ? new EntityTagHeaderValue($"\"{sha}\"") : null;
                    return TypedResults.Stream(stream, content.ContentType, content.FileName, entityTag: etag);
                }

                return Results.Stream(async body =>
                {
                    if (content.ContentType.StartsWith("application/json", StringComparison.Ordinal))
                    {
                        await AuditExport.WriteJsonAsync(content.AuditEvents!, http.Response.BodyWriter, ct);
                    }
                    else
                    {
                        await AuditExport.WriteCsvAsync(content.AuditEvents!, body, ct);
                    }
                }, content.ContentType, content.FileName);
            })
            .AllowAnonymous()
            .WithSummary("Streams what a download link names, as an attachment; 401 for a link that is not valid, 410 for an expired one. No credentials: the link is one.");
    }
}
