using Mediator;
using Platform.Application.Common.Paging;
using Platform.Application.Runs;
using Platform.Application.Runs.Commands.DeleteTag;
using Platform.Application.Runs.Commands.LogMetrics;
using Platform.Application.Runs.Commands.LogParams;
using Platform.Application.Runs.Commands.SetTag;
using Platform.Application.Runs.Queries.GetMetricHistory;

namespace Platform.Api.Endpoints;

/// <summary>What a run records while it trains: params, metric points and tags.</summary>
internal static class RunDataEndpoints
{
    public sealed record LogParamsRequest(IReadOnlyDictionary<string, string> Params);

    public sealed record LogMetricsRequest(IReadOnlyList<MetricPointInput> Metrics);

    public sealed record SetTagRequest(string Key, string Value);

    public static void MapRunDataEndpoints(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs/{id:guid}").WithTags("Run data");

        runs.MapPost("/params", async (Guid id, LogParamsRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
            RunEndpoints.WithETag(response, await sender.Send(new LogParamsCommand(id, request.Params ?? new Dictionary<string, string>()), ct)))
            .WithSummary("Sets params. Each key is set once: the same value again is accepted, a different one is 409.");

        runs.MapPost("/metrics", async (Guid id, LogMetricsRequest request, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new LogMetricsCommand(id, request.Metrics ?? []), ct)))
            .WithSummary("Logs up to 1,000 metric points {key, value, step, timestamp (epoch ms)}; values may be \"NaN\", \"Infinity\", \"-Infinity\".");

        runs.MapGet("/metrics/history", async (Guid id, string key, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            TypedResults.Ok<Page<MetricPointDto>>(await sender.Send(new GetMetricHistoryQuery(id, key, limit, cursor), ct)))
            .WithSummary("The full history of one metric in step order (up to 25,000 points a page).");

        runs.MapPost("/tags", async (Guid id, SetTagRequest request, ISender sender, HttpResponse response, CancellationToken ct) =>
            RunEndpoints.WithETag(response, await sender.Send(new SetTagCommand(id, request.Key, request.Value), ct)))
            .WithSummary("Sets a tag (replacing its value).");

        runs.MapDelete("/tags", async (Guid id, string key, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteTagCommand(id, key), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a tag.");
    }
}
