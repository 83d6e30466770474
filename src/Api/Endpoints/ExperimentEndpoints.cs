using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Experiments;
using Platform.Application.Experiments.Commands.ArchiveExperiment;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Experiments.Commands.UpdateExperiment;
using Platform.Application.Experiments.Queries.GetExperiment;
using Platform.Application.Experiments.Queries.GetRunKeys;
using Platform.Application.Experiments.Queries.ListExperiments;

namespace Platform.Api.Endpoints;

internal static class ExperimentEndpoints
{
    public sealed record CreateExperimentRequest(string Name, string? Description);

    public sealed record UpdateExperimentRequest(string? Name, string? Description);

    public static void MapExperimentEndpoints(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments").WithTags("Experiments");

        experiments.MapPost("/", async (HttpContext http, CreateExperimentRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
        {
            ExperimentDto experiment = await sender.Send(new CreateExperimentCommand(request.Name, request.Description), ct);
            response.SetETag(experiment.Version);
            return TypedResults.Created(ApiLocation.Of(http, $"experiments/{experiment.Id}"), experiment);
        }).WithSummary("Creates an experiment (names are unique).");

        experiments.MapGet("/", async (string? name, LifecycleFilter? lifecycle, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<ExperimentSummaryDto>>(await sender.Send(new ListExperimentsQuery(name, lifecycle, limit, cursor), ct)))
            .WithSummary("Lists experiments, newest first, each with its run count; filter by part of the name and by lifecycle (Active, Archived, All).");

        experiments.MapGet("/{id:guid}/run-keys", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetRunKeysQuery(id), ct)))
            .WithSummary("Lists the param, metric and tag keys the experiment's runs have (up to 1,000 each): stable columns for a runs table.");

        experiments.MapGet("/{id:guid}", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            WithETag(response, await sender.Send(new GetExperimentQuery(id), ct)))
            .WithSummary("Gets an experiment; its ETag is the version to send in If-Match.");

        experiments.MapPatch("/{id:guid}", async (
                Guid id, UpdateExperimentRequest request, [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch,
                ISender sender, HttpResponse response, CancellationToken ct) =>
            WithETag(response, await sender.Send(new UpdateExperimentCommand(id, request.Name, request.Description, ETags.ExpectedVersion(ifMatch)), ct)))
            .WithSummary("Renames an experiment or changes its description.");

        experiments.MapPost("/{id:guid}/archive", async (
                Guid id, [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch, ISender sender, HttpResponse response, CancellationToken ct) =>
            WithETag(response, await sender.Send(new ArchiveExperimentCommand(id, true, ETags.ExpectedVersion(ifMatch)), ct)))
            .WithSummary("Archives an experiment: hidden from default lists and closed to new runs.");

        experiments.MapPost("/{id:guid}/restore", async (
                Guid id, [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch, ISender sender, HttpResponse response, CancellationToken ct) =>
            WithETag(response, await sender.Send(new ArchiveExperimentCommand(id, false, ETags.ExpectedVersion(ifMatch)), ct)))
            .WithSummary("Restores an archived experiment.");
    }

    private static Ok<ExperimentDto> WithETag(HttpResponse response, ExperimentDto experiment)
    {
        response.SetETag(experiment.Version);
        return TypedResults.Ok(experiment);
    }
}
