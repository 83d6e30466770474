using System.Text;
using System.Text.Json;
using Mediator;
using Platform.Application.Auditing;
using Platform.Application.Auditing.Queries.ExportAuditEvents;
using Platform.Application.Auditing.Queries.ListAuditEvents;
using Platform.Application.Auditing.Queries.VerifyAuditChain;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Paging;
using Platform.Domain.Auditing;

namespace Platform.Api.Endpoints;

internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit trail");

        audit.MapGet("/", async (
                string? entityType, string? entityId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok<Page<AuditEventDto>>(await sender.Send(
                    new ListAuditEventsQuery(new AuditFilter(entityType, entityId, actor, action, from, to), limit, cursor), ct)))
            .WithSummary("Every chain's audit trail (each event names its workspace, none for the platform's own), newest first (paged): filter by entity, actor, action (a trailing * matches a prefix: Promote*) and time range [from, to).");

        audit.MapGet("/export", async (
                string? format, string? entityType, string? entityId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to,
                HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "json"))
                {
                    throw RequestValidationException.For("format", "must be csv or json");
                }

                var events = await sender.Send(new ExportAuditEventsQuery(new AuditFilter(entityType, entityId, actor, action, from, to)), ct);
                await AuditExport.WriteAsync(events, format != "json", response, ct);
            })
            .WithSummary("Streams the filtered audit trail, oldest first, as CSV (default) or a JSON array, with each event's hash.");

        audit.MapGet("/actions", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Platform.Application.Auditing.Queries.ListAuditActions.ListAuditActionsQuery(), ct)))
            .WithSummary("Every action the trail holds at least once, by name: the choices of the action filter.");

        audit.MapGet("/verify", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new VerifyAuditChainQuery(), ct)))
            .WithSummary("Recomputes every hash chain (the platform's and each workspace's): intact, or the first broken event and why, and each chain's result.");
    }
}

/// <summary>Writes audit events as they are read, flushing every few hundred.</summary>
internal static class AuditExport
{
    private const int FlushEvery = 500;
    private static readonly string[] Columns = ["sequence", "at", "actor", "action", "entityType", "entityId", "summary", "traceId", "sourceAddress", "hash", "workspaceId"];

    /// <summary>The events as a CSV (or JSON) attachment.</summary>
    public static Task WriteAsync(IAsyncEnumerable<AuditEvent> events, bool csv, HttpResponse response, CancellationToken ct)
    {
        response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json";
        response.Headers.ContentDisposition = $"attachment; filename=audit.{(csv ? "csv" : "json")}";
        return csv ? WriteCsvAsync(events, response.Body, ct) : WriteJsonAsync(events, response.BodyWriter, ct);
    }

    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditEvent> events, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Columns));
        var count = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            string?[] cells = [e.Sequence.ToString(), e.At.UtcDateTime.ToString("O"), e.Actor, e.Action, e.EntityType, e.EntityId, e.Summary, e.TraceId, e.SourceAddress, e.Hash, e.WorkspaceId?.ToString()];
            await writer.WriteLineAsync(string.Join(',', cells.Select(Quote)));
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
    }

    /// <remarks>The JSON writer writes into the response's pipe (never a synchronous write); the pipe is flushed asynchronously.</remarks>
    public static async Task WriteJsonAsync(IAsyncEnumerable<AuditEvent> events, System.IO.Pipelines.PipeWriter body, CancellationToken ct)
    {
        using var json = new Utf8JsonWriter(body);
        json.WriteStartArray();
        var count = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            JsonSerializer.Serialize(json, AuditEventDto.From(e), JsonSerializerOptions.Web);
            if (++count % FlushEvery == 0)
            {
                await body.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.Flush();
        await body.FlushAsync(ct);
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string? cell) =>
        cell is null ? "" : cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
