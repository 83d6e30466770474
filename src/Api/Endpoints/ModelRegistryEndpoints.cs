using Mediator;
using Platform.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Platform.Application.Common.Paging;
using Platform.Application.Registry;
using Platform.Application.Registry.Commands.CreateModel;
using Platform.Application.Registry.Commands.DeleteModelAlias;
using Platform.Application.Registry.Commands.RegisterModelVersion;
using Platform.Application.Registry.Commands.RegisterUploadedModelVersion;
using Platform.Application.Registry.Commands.SetModelAlias;
using Platform.Application.Registry.Queries.CompareModelVersions;
using Platform.Application.Registry.Queries.GetModelVersion;
using Platform.Application.Registry.Queries.GetModelVersionArtifact;
using Platform.Application.Registry.Queries.ListModelAliases;
using Platform.Application.Registry.Queries.ListModelEvaluations;
using Platform.Application.Registry.Queries.ListModelVersions;
using Platform.Application.Registry.Queries.ListModels;

namespace Platform.Api.Endpoints;

internal static class ModelRegistryEndpoints
{
    public sealed record CreateModelRequest(string Name, string? Description);

    public sealed record SetAliasRequest(int Version);

    public sealed record RegisterVersionRequest(Guid RunId, string? ArtifactPath, string? ModelCard, string? CodeVersion);

    public static void MapModelRegistryEndpoints(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Model registry");

        models.MapGet("/", async (string? search, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<ModelDto>>(await sender.Send(new ListModelsQuery(search, limit, cursor), ct)))
            .WithSummary("Lists registered models by name (paged; ?search= matches part of the name).");

        models.MapPost("/", async (HttpContext http, CreateModelRequest request, ISender sender, CancellationToken ct) =>
            {
                var model = await sender.Send(new CreateModelCommand(request.Name, request.Description), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"models/{model.Name}/versions"), model);
            })
            .WithSummary("Creates a registered model with a description (registering its first version also creates it).");

        models.MapGet("/{name}/versions", async (string name, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<ModelVersionDto>>(await sender.Send(new ListModelVersionsQuery(name, limit, cursor), ct)))
            .WithSummary("A model's versions, newest first (paged).");

        models.MapPost("/{name}/versions", async (HttpContext http, string name, RegisterVersionRequest request, ISender sender, CancellationToken ct) =>
            {
                var version = await sender.Send(new RegisterModelVersionCommand(name, request.RunId, request.ArtifactPath, request.ModelCard, request.CodeVersion), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"models/{name}/versions/{version.Version}"), version);
            })
            .WithSummary("Registers the next version from a run's ONNX artefact (default model.onnx): hash, schema, lineage and metrics are recorded.");

        models.MapPost("/{name}/versions/upload", async (HttpContext http, string name, IFormFile file, [FromForm] string? modelCard, [FromForm] string? codeVersion,
                ISender sender, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var version = await sender.Send(new RegisterUploadedModelVersionCommand(name, content, file.Length, file.FileName, modelCard, codeVersion), ct);
                return TypedResults.Created(ApiLocation.Of(http, $"models/{name}/versions/{version.Version}"), version);
            })
            .DisableAntiforgery()
            .WithSummary("Registers the next version from an uploaded ONNX file (multipart form: file, modelCard?, codeVersion?); 400 naming `file` when it is not ONNX.");

        models.MapGet("/{name}/versions/{version:int}", async (string name, int version, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetModelVersionQuery(name, version), ct)))
            .WithSummary("One model version: stage, schema, lineage, metrics, model card.");

        models.MapGet("/{name}/versions/{version:int}/artifact", async (string name, int version, ISender sender, CancellationToken ct) =>
            {
                var artifact = await sender.Send(new GetModelVersionArtifactQuery(name, version), ct);
                return TypedResults.Stream(artifact.Content, "application/octet-stream", artifact.FileName, entityTag: new EntityTagHeaderValue($"\"{artifact.Sha256}\""));
            })
            .WithSummary("Downloads the version's ONNX file.");

        models.MapGet("/{name}/versions/{version:int}/evaluations", async (
                string name, int version, string? dataset, int? datasetVersion, string? split, bool? withReport, int? limit, string? cursor,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<ModelEvaluationDto>>(await sender.Send(
                    new ListModelEvaluationsQuery(name, version, dataset, datasetVersion, split, withReport ?? false, limit, cursor), ct)))
            .WithSummary("The version's evaluation reports (from Evaluate jobs naming it), newest first; ?withReport=true adds the whole report.");

        models.MapGet("/{name}/versions/{version:int}/compare", async (
                string name, int version, int? against, string? dataset, int? datasetVersion, string? split, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompareModelVersionsQuery(name, version, against ?? 0, dataset ?? "", datasetVersion ?? 0, split ?? "test"), ct)))
            .WithSummary("This version against another (?against=) on the same dataset version and split: both metrics and their difference.");

        models.MapGet("/{name}/aliases", async (string name, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListModelAliasesQuery(name), ct)))
            .WithSummary("A model's aliases (champion, challenger, …) and the versions they point at.");

        models.MapPut("/{name}/aliases/{alias}", async (string name, string alias, SetAliasRequest request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetModelAliasCommand(name, alias, request.Version), ct)))
            .WithSummary("Points an alias at a version; an alias has one holder, so it moves from the version that held it.");

        models.MapDelete("/{name}/aliases/{alias}", async (string name, string alias, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteModelAliasCommand(name, alias), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Removes an alias.");

        api.MapGet("/model-versions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Platform.Application.Registry.Queries.FindModelVersion.FindModelVersionQuery(id), ct)))
            .WithTags("Model registry")
            .WithSummary("Which model and version number a version's id stands for (as the audit trail names versions).");
    }
}
