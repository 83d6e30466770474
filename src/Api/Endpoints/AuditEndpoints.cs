using Mediator;
using Platform.Application.Auditing;
using Platform.Application.Common.Paging;

namespace Platform.Api.Endpoints;

internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit trail");

        audit.MapGet("/", async (
                string? entityType, string? entityId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<AuditEventDto>>(await sender.Send(new ListAuditEventsQuery(entityType, entityId, actor, action, from, to, limit, cursor), ct)))
            .WithSummary("The audit trail, newest first (paged): filter by entity, actor, action and time range [from, to).");

        audit.MapGet("/verify", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new VerifyAuditChainQuery(), ct)))
            .WithSummary("Recomputes the hash chain: intact, or the first broken event and why.");
    }
}
