using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;
using Platform.Domain.Auditing;

namespace Platform.Application.Auditing;

public sealed record AuditEventDto(
    long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, System.Text.Json.JsonElement Summary,
    string? TraceId, string? SourceAddress, string? Hash)
{
    public static AuditEventDto From(AuditEvent e)
    {
        using var summary = System.Text.Json.JsonDocument.Parse(e.Summary);
        return new(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, summary.RootElement.Clone(), e.TraceId, e.SourceAddress, e.Hash);
    }
}

/// <summary>Which events: by entity, actor, action (exact, or a prefix when it ends with <c>*</c>), and time range [From, To).</summary>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        events = EntityType is null ? events : events.Where(e => e.EntityType == EntityType);
        events = EntityId is null ? events : events.Where(e => e.EntityId == EntityId);
        events = Actor is null ? events : events.Where(e => e.Actor == Actor);
        events = Action switch
        {
            null => events,
            [.. var prefix, '*'] => events.Where(e => e.Action.StartsWith(prefix)),
            _ => events.Where(e => e.Action == Action),
        };
        events = From is null ? events : events.Where(e => e.At >= From);
        return To is null ? events : events.Where(e => e.At < To);
    }
}

/// <summary>The audit trail, newest first, filtered. Paged.</summary>
[RequiresRole(Permissions.Audit)]
public sealed record ListAuditEventsQuery(AuditFilter Filter, int? Limit, string? Cursor) : IQuery<Page<AuditEventDto>>;

/// <summary>The filtered audit trail oldest first, read as it is written out (an export: nothing held whole in memory).</summary>
[RequiresRole(Permissions.Audit)]
public sealed record ExportAuditEventsQuery(AuditFilter Filter) : IQuery<IAsyncEnumerable<AuditEvent>>;

public sealed class ExportAuditEventsQueryHandler(IPlatformDbContext db) : IQueryHandler<ExportAuditEventsQuery, IAsyncEnumerable<AuditEvent>>
{
    public ValueTask<IAsyncEnumerable<AuditEvent>> Handle(ExportAuditEventsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(query.Filter.Apply(db.AuditEvents.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable());
}

public sealed class ListAuditEventsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListAuditEventsQuery, Page<AuditEventDto>>
{
    private sealed record Position(long Sequence);

    public async ValueTask<Page<AuditEventDto>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var events = query.Filter.Apply(db.AuditEvents.AsNoTracking());
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            events = events.Where(e => e.Sequence < after.Sequence);
        }

        var page = await events.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].Sequence)) : null;
        return new Page<AuditEventDto>([.. page.Take(limit).Select(AuditEventDto.From)], next);
    }
}

public sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

/// <summary>
/// Walks the whole chain in sequence order, recomputing each sealed event's hash from the one before: the first event
/// whose stored hash differs (changed, or one before it removed or inserted) is named, as is a sealed event that
/// follows an unsealed one.
/// </summary>
[RequiresRole(Permissions.Audit)]
public sealed record VerifyAuditChainQuery : IQuery<AuditVerificationDto>;

public sealed record AuditVerificationDto(bool Intact, long SealedEvents, long UnsealedEvents, long? FirstBrokenSequence, string? Reason);

public sealed class VerifyAuditChainQueryHandler(IPlatformDbContext db) : IQueryHandler<VerifyAuditChainQuery, AuditVerificationDto>
{
    private const int Batch = 10_000;

    public async ValueTask<AuditVerificationDto> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        var previous = AuditEvent.Genesis;
        long sealedCount = 0, unsealed = 0;
        var next = ReadAfterAsync(0, cancellationToken);
        while (true)
        {
            var batch = await next;
            // The next batch is read while this one is hashed: the database is used by one operation at a time.
            next = batch.Count < Batch ? null! : ReadAfterAsync(batch[^1].Sequence, cancellationToken);
            foreach (var e in batch)
            {
                if (e.Hash is null)
                {
                    unsealed++;
                    continue;
                }

                if (unsealed > 0 || e.Hash != e.ComputeHash(previous))
                {
                    await DrainAsync(next);
                    return new(false, sealedCount, unsealed, e.Sequence, unsealed > 0
                        ? "sealed after an event that is not: an event was inserted out of order"
                        : "its hash does not match its content and the previous hash: it, or the chain before it, was changed");
                }

                previous = e.Hash;
                sealedCount++;
            }

            if (batch.Count < Batch)
            {
                return new(true, sealedCount, unsealed, null, null);
            }
        }
    }

    private Task<List<AuditEvent>> ReadAfterAsync(long after, CancellationToken cancellationToken) => Task.Run(
        () => db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(Batch).ToListAsync(cancellationToken),
        cancellationToken);

    private static async Task DrainAsync(Task<List<AuditEvent>>? pending)
    {
        if (pending is not null)
        {
            await pending; // the context must be free before the request ends
        }
    }
}
