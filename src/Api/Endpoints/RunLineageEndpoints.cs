using Mediator;
using Platform.Application.Common.Paging;
using Platform.Application.Registry;
using Platform.Application.Registry.Queries.ListRunModelVersions;

namespace Platform.Api.Endpoints;

/// <summary>Where a run went: the model versions registered from it.</summary>
internal static class RunLineageEndpoints
{
    public static void MapRunLineageEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/runs/{id:guid}/model-versions", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<RunModelVersionDto>>(await sender.Send(new ListRunModelVersionsQuery(id), ct)))
            .WithTags("Model registry")
            .WithSummary("The model versions registered from this run, newest first (model, version, stage).");
}
