using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Application.Common.Paging;
using Platform.Application.Runs;
using Platform.Application.Runs.Commands.CreateRun;
using Platform.Application.Runs.Commands.UpdateRun;
using Platform.Application.Runs.Queries.GetRun;
using Platform.Application.Runs.Queries.SearchRuns;
using Platform.Domain.Runs;

namespace Platform.Api.Endpoints;

internal static class RunEndpoints
{
    public sealed record CreateRunRequest(
        string? Name, DateTimeOffset? StartTime, IReadOnlyDictionary<string, string>? Params, IReadOnlyDictionary<string, string>? Tags);

    public sealed record UpdateRunRequest(RunStatus? Status, DateTimeOffset? EndTime, string? Name);

    public sealed record SearchRunsRequest(IReadOnlyList<Guid> ExperimentIds, string? Filter, string? OrderBy, int? Limit, string? Cursor);

    public static void MapRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/experiments/{experimentId:guid}/runs", async (
                HttpContext http, Guid experimentId, CreateRunRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                RunDto run = await sender.Send(new CreateRunCommand(experimentId, request.Name, request.StartTime, request.Params, request.Tags), ct);
                response.SetETag(run.Version);
                return TypedResults.Created(ApiLocation.Of(http, $"runs/{run.Id}"), run);
            })
            .WithTags("Runs").WithSummary("Starts a run in an experiment, optionally with params and tags.");

        api.MapGet("/experiments/{experimentId:guid}/runs", async (
                Guid experimentId, string? filter, string? orderBy, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<RunDto>>(await sender.Send(new SearchRunsQuery([experimentId], filter, orderBy, limit, cursor), ct)))
            .WithTags("Runs").WithSummary("Searches the runs of one experiment (same filter and order syntax as POST /runs/search).");

        var runs = api.MapGroup("/runs").WithTags("Runs");

        runs.MapPost("/search", async (SearchRunsRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<RunDto>>(await sender.Send(
                new SearchRunsQuery(request.ExperimentIds ?? [], request.Filter, request.OrderBy, request.Limit, request.Cursor), ct)))
            .WithSummary("Searches runs in experiments: filter like \"metrics.auc > 0.9 and params.lr = '0.1'\", orderBy like \"metrics.auc desc\".");

        runs.MapGet("/{id:guid}", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            WithETag(response, await sender.Send(new GetRunQuery(id), ct)))
            .WithSummary("Gets a run with its params, tags and latest metric values.");

        runs.MapPatch("/{id:guid}", async (
                Guid id, UpdateRunRequest request, [FromHeader(Name = ETags.IfMatchHeader)] string? ifMatch,
                ISender sender, HttpResponse response, CancellationToken ct) =>
            WithETag(response, await sender.Send(new UpdateRunCommand(id, request.Status, request.EndTime, request.Name, ETags.ExpectedVersion(ifMatch)), ct)))
            .WithSummary("Changes a run's status (ending it records the end time), end time or name.");
    }

    internal static Ok<RunDto> WithETag(HttpResponse response, RunDto run)
    {
        response.SetETag(run.Version);
        return TypedResults.Ok(run);
    }
}
