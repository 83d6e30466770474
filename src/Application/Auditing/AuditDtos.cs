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

public sealed record AuditVerificationDto(bool Intact, long SealedEvents, long UnsealedEvents, long? FirstBrokenSequence, string? Reason);
