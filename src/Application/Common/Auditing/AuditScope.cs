namespace Platform.Application.Common.Auditing;

/// <summary>
/// The command being handled in this scope, for the audit trail: set by <see cref="AuditBehaviour{TMessage,TResponse}"/>,
/// read when the handler saves its changes (which then carry one audit event in the same transaction).
/// </summary>
public sealed class AuditScope
{
    /// <summary>
    /// Always true in the product. Only a composition made to measure the audit's own cost (benchmarks/run audit)
    /// registers a scope with it off; no setting turns it off.
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The command's name (e.g. RegisterModelVersion); null outside an audited command.</summary>
    public string? Action { get; set; }
}

/// <summary>
/// A state-changing command left out of the audit trail because it is telemetry, not a decision: worker reports
/// (progress, logs, metrics, heartbeats, lease renewals) and the platform's own housekeeping. Use for nothing else.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;
