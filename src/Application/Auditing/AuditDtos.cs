using Platform.Domain.Auditing;

namespace Platform.Application.Auditing;

public sealed record AuditEventDto(
    long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, System.Text.Json.JsonElement Summary,
    string? TraceId, string? SourceAddress, string? Hash, Guid? WorkspaceId)
{
    public static AuditEventDto From(AuditEvent e)
    {
        using var summary = System.Text.Json.JsonDocument.Parse(e.Summary);
        return new(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, summary.RootElement.Clone(), e.TraceId, e.SourceAddress, e.Hash, e.WorkspaceId);
    }
}

/// <summary>
/// Which events: by entity, actor, action (exact, or a prefix when it ends with <c>*</c>), and time range [From, To);
/// with <see cref="Chain"/>, one chain's only (a workspace's, or with <see cref="Chain.Platform"/> the platform's).
/// </summary>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    public AuditChain? Chain { get; init; }

    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        events = Chain is { } chain ? chain.Of(events) : events;
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

/// <summary>One hash chain: a workspace's, or (<see cref="Platform"/>) the platform's own actions'.</summary>
public readonly record struct AuditChain(Guid? WorkspaceId)
{
    public static readonly AuditChain Platform = new(null);

    /// <summary>The chain's events.</summary>
    public IQueryable<AuditEvent> Of(IQueryable<AuditEvent> events) => WorkspaceId is { } workspace
        ? events.Where(e => e.WorkspaceId == workspace)
        : events.Where(e => e.WorkspaceId == null);
}

/// <summary>
/// A chain's verification; for every chain at once, the sum with the first break, and each chain's own in
/// <see cref="Chains"/> (<see cref="Workspace"/>: its workspace's name, null for the platform's).
/// </summary>
public sealed record AuditVerificationDto(bool Intact, long SealedEvents, long UnsealedEvents, long? FirstBrokenSequence, string? Reason)
{
    public string? Workspace { get; init; }

    public IReadOnlyList<AuditVerificationDto>? Chains { get; init; }
}
