using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Auditing;

/// <summary>
/// One state-changing command, recorded in the same transaction as its change: who (actor), what (action, entity,
/// a before/after summary without secrets), when, from where, in which trace. Events are hash-chained in sequence
/// order once sealed (<see cref="Seal"/>): each hash covers the previous one and the event's canonical form, so a
/// changed, removed or inserted event breaks the chain from there on. There is no update or delete path besides
/// sealing. Each workspace has a chain of its own (<see cref="WorkspaceId"/>), and so do the platform's own actions (none):
/// an event moved from one chain to another breaks the chain it lands in.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Actor = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
        Summary = string.Empty;
    }

    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }

    /// <summary>The changed records and properties, before and after, as JSON (secrets redacted).</summary>
    public string Summary { get; private set; }

    /// <summary>The workspace whose chain holds the event; null for the platform's chain (users, workspaces, tokens, …).</summary>
    public Guid? WorkspaceId { get; private set; }

    public string? TraceId { get; private set; }
    public string? SourceAddress { get; private set; }

    /// <summary>Null until sealed into the chain.</summary>
    public string? Hash { get; private set; }

    public static AuditEvent Record(
        DateTimeOffset at, string actor, string action, string entityType, string entityId, string summary, string? traceId, string? sourceAddress,
        Guid? workspaceId) => new()
    {
        At = at, Actor = actor, Action = action, EntityType = entityType, EntityId = entityId, Summary = summary, TraceId = traceId, SourceAddress = sourceAddress,
        WorkspaceId = workspaceId,
    };

    /// <summary>The genesis of a chain: the previous hash of its first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over the previous hash and the canonical form: fields in a fixed order, length-prefixed; the workspace
    /// last, when the event has one (so the events sealed before chains had workspaces hash as they did).
    /// </summary>
    public string ComputeHash(string previousHash)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
        {
            previousHash, Sequence.ToString(CultureInfo.InvariantCulture), At.UtcTicks.ToString(CultureInfo.InvariantCulture), Actor, Action,
            EntityType, EntityId, Summary, TraceId ?? "", SourceAddress ?? "",
        }.Concat(WorkspaceId is { } workspace ? [workspace.ToString()] : []))
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public void Seal(string previousHash) => Hash ??= ComputeHash(previousHash);
}
