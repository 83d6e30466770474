using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Application.Artifacts;
using Platform.Application.Artifacts.Commands.UploadArtifact;
using Platform.Application.Artifacts.Queries.GetArtifact;
using Platform.Application.Artifacts.Queries.ListArtifacts;
using Platform.Application.Common.Paging;
using Platform.Api.OpenApi;
using Platform.Infrastructure.Artifacts;

namespace Platform.Api.Endpoints;

/// <summary>
/// Artefacts by run-relative path: <c>PUT</c> streams the body in, <c>GET</c> streams it out. The path is
/// URL-decoded once and then validated: '..', absolute and device paths are 400.
/// </summary>
internal static class ArtifactEndpoints
{
    public const string Sha256Header = "X-Content-SHA256";

    public static void MapArtifactEndpoints(this RouteGroupBuilder api)
    {
        var artifacts = api.MapGroup("/runs/{id:guid}/artifacts").WithTags("Artifacts");

        artifacts.MapGet("/", async (Guid id, string? prefix, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<ArtifactDto>>(await sender.Send(new ListArtifactsQuery(id, prefix, limit, cursor), ct)))
            .WithSummary("Lists a run's artefacts in path order.");

        artifacts.MapPut("/{**path}", async (
                Guid id, string path, HttpRequest request, IOptions<ArtifactOptions> options, ISender sender, CancellationToken ct) =>
            {
                request.AllowBodyUpTo(options.Value.MaxBytes);
                var command = new UploadArtifactCommand(id, Uri.UnescapeDataString(path), request.Body, request.ContentLength);
                ArtifactDto artifact = await sender.Send(command, ct);
                request.HttpContext.Response.Headers[Sha256Header] = artifact.Sha256;
                return TypedResults.Ok(artifact);
            })
            .DescribesRawBody("application/octet-stream")
            .WithSummary("Uploads (or replaces) an artefact; the response carries its SHA-256.");

        artifacts.MapGet("/{**path}", async (Guid id, string path, HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                var content = await sender.Send(new GetArtifactQuery(id, Uri.UnescapeDataString(path)), ct);
                response.Headers[Sha256Header] = content.Artifact.Sha256;
                return TypedResults.Stream(
                    content.Content, "application/octet-stream", content.Artifact.Path.Split('/')[^1],
                    content.Artifact.CreatedAt, new EntityTagHeaderValue($"\"{content.Artifact.Sha256}\""), enableRangeProcessing: true);
            })
            .WithSummary("Downloads an artefact (streamed; supports Range).");
    }
}
