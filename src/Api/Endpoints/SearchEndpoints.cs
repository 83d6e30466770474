using Mediator;
using Platform.Application.Search.Queries.SearchPlatform;

namespace Platform.Api.Endpoints;

/// <summary>The global search behind the portal's search box.</summary>
internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/search", async (string? q, int? limit, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchPlatformQuery(q ?? "", limit), ct)))
            .WithTags("Search")
            .WithSummary("Experiments, runs (by name), models and deployments whose name contains ?q=, best first; at most ?limit= (1 to 20, default 5) of each.");
}
