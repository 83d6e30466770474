using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Datasets;
using Platform.Application.Datasets.Commands.UploadDatasetVersion;
using Platform.Application.Datasets.Queries.GetDatasetContent;
using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Application.Datasets.Queries.ListDatasetVersions;
using Platform.Api.Http;
using Platform.Api.OpenApi;
using Platform.Infrastructure.Artifacts;

namespace Platform.Api.Endpoints;

/// <summary>
/// Datasets by name and version. <c>POST /datasets/{name}/versions</c> takes the file as the body (Content-Type
/// <c>text/csv</c> or <c>application/vnd.apache.parquet</c>, or <c>?format=csv|parquet</c>); the file name the client
/// had never matters: content is stored by its SHA-256.
/// </summary>
internal static class DatasetEndpoints
{
    public static void MapDatasetEndpoints(this RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("/datasets").WithTags("Datasets");

        datasets.MapGet("/", async (string? name, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<DatasetVersionDto>>(await sender.Send(new ListDatasetVersionsQuery(name, limit, cursor), ct)))
            .WithSummary("Lists dataset versions by name, newest version first (paged; filter by name).");

        datasets.MapPost("/{name}/versions", async (
                string name, string? format, int? splitSeed, double? validationFraction, double? testFraction, string? splitColumn,
                HttpRequest request, IOptions<ArtifactOptions> options, ISender sender, CancellationToken ct) =>
            {
                request.AllowBodyUpTo(options.Value.MaxBytes);
                var defaults = new DatasetSplitRequest();
                var split = new DatasetSplitRequest(
                    splitSeed ?? defaults.Seed, validationFraction ?? defaults.ValidationFraction, testFraction ?? defaults.TestFraction, splitColumn);
                var inBackground = RespondAsync.Preferred(request);
                var command = new UploadDatasetVersionCommand(
                    name, format ?? FormatOf(request.ContentType), request.Body, request.ContentLength, split, inBackground);
                var version = await sender.Send(command, ct);
                var location = ApiLocation.Of(request.HttpContext, $"datasets/{version.Name}/versions/{version.Version}");
                if (!inBackground)
                {
                    return Results.Created(location, version);
                }

                request.HttpContext.Response.Headers["Preference-Applied"] = RespondAsync.Token;
                return Results.Accepted(location, version);
            })
            .Produces<DatasetVersionDto>(StatusCodes.Status201Created)
            .Produces<DatasetVersionDto>(StatusCodes.Status202Accepted)
            .DescribesRawBody("text/csv", "application/vnd.apache.parquet")
            .WithSummary(
                "Uploads the next version of a dataset: checked row by row, profiled (schema, statistics), split into train / validation / " +
                "test (?splitSeed=42&validationFraction=0.15&testFraction=0.15 by default, or ?splitColumn= naming a column of " +
                "train/validation/test cells), stored by hash: 201 with the ready version. With the header Prefer: respond-async, 202 " +
                "as soon as the file is stored: the version is Profiling (profiledFraction shows progress), then Ready, or Failed with " +
                "the problem; poll its Location.");

        datasets.MapGet("/{name}/versions/{version:int}", async (string name, int version, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetDatasetVersionQuery(name, version), ct)))
            .WithSummary("One dataset version with its schema and per-column statistics.");

        datasets.MapGet("/{name}/versions/{version:int}/content", async (string name, int version, string? split, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var content = await sender.Send(new GetDatasetContentQuery(name, version, split), ct);
                if (content.WritePartAsync is { } writePart)
                {
                    http.Response.ContentType = content.ContentType;
                    http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = content.FileName }.ToString();
                    await writePart(http.Response.Body, ct);
                    return Results.Empty;
                }

                return TypedResults.Stream(
                    content.File!, content.ContentType, content.FileName, content.Dataset.CreatedAt,
                    new EntityTagHeaderValue($"\"{content.Dataset.Sha256}\""), enableRangeProcessing: true);
            })
            .WithSummary("Downloads a dataset version's file (streamed), or with ?split=train|validation|test that part of its split as CSV.");
    }

    private static string FormatOf(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/csv" or "application/csv" => DatasetFormats.Csv,
        "application/vnd.apache.parquet" or "application/x-parquet" => DatasetFormats.Parquet,
        null or "" => DatasetFormats.Csv,
        var other => other,
    };
}
