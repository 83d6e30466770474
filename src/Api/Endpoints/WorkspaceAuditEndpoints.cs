using Mediator;
using Platform.Application.Auditing;
using Platform.Application.Auditing.Queries.ExportWorkspaceAuditEvents;
using Platform.Application.Auditing.Queries.ListWorkspaceAuditEvents;
using Platform.Application.Auditing.Queries.VerifyWorkspaceAuditChain;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Paging;

namespace Platform.Api.Endpoints;

/// <summary>A workspace's own audit trail, its hash chain of its own: read, export and verify it under <c>/workspaces/{workspace}/audit</c>.</summary>
internal static class WorkspaceAuditEndpoints
{
    public static void MapWorkspaceAuditEndpoints(this RouteGroupBuilder workspace)
    {
        var audit = workspace.MapGroup("/audit").WithTags("Audit trail");

        audit.MapGet("/", async (
                string? entityType, string? entityId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<AuditEventDto>>(await sender.Send(
                    new ListWorkspaceAuditEventsQuery(new AuditFilter(entityType, entityId, actor, action, from, to), limit, cursor), ct)))
            .WithSummary("The workspace's audit trail, newest first (paged; its Approvers and Admins), filtered as GET /audit is.");

        audit.MapGet("/export", async (
                string? format, string? entityType, string? entityId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to,
                HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "json"))
                {
                    throw RequestValidationException.For("format", "must be csv or json");
                }

                var events = await sender.Send(new ExportWorkspaceAuditEventsQuery(new AuditFilter(entityType, entityId, actor, action, from, to)), ct);
                await AuditExport.WriteAsync(events, format != "json", response, ct);
            })
            .WithSummary("Streams the workspace's filtered audit trail, oldest first, as CSV (default) or a JSON array, with each event's hash.");

        audit.MapGet("/verify", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new VerifyWorkspaceAuditChainQuery(), ct)))
            .WithSummary("Recomputes the workspace's own hash chain: intact, or the first broken event and why.");
    }
}
