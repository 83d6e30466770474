using Platform.Domain.Common;
using Platform.Domain.Jobs;

namespace Platform.Domain.Deployments;

/// <summary>
/// One numbered desired state of a deployment: its traffic split, who asked for it, when and why, and how it fared
/// (its deploy job and validation result, or the rollback it was). Only its state moves (<see cref="RevisionState"/>).
/// </summary>
public sealed class DeploymentRevision
{
    public const int MaxReasonLength = 2000;

    private DeploymentRevision()
    {
        TrafficJson = "[]";
        Reason = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid DeploymentId { get; private set; }
    public int Number { get; private set; }
    public RevisionState State { get; private set; }
    public RevisionKind Kind { get; private set; }
    public DeploymentEnvironment Environment { get; private set; }
    public HardwareClass HardwareClass { get; private set; }

    /// <summary>The versions with their weights and canary flag (JSON; <see cref="Traffic"/>).</summary>
    public string TrafficJson { get; private set; }

    public string Reason { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The job validating the new versions (none when every version was validated before).</summary>
    public Guid? DeployJobId { get; private set; }

    /// <summary>What the deploy job measured per version (provider, latency, input schema), as JSON.</summary>
    public string? ValidationResultJson { get; private set; }

    /// <summary>Why validation failed.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The revision that was active when this one became active (the target of a one-step rollback).</summary>
    public int? PreviousRevision { get; private set; }

    /// <summary>For a rollback: the revision whose traffic it restores (or, for a canary rollback, the one it trimmed).</summary>
    public int? RollbackOf { get; private set; }

    /// <summary>For a canary rollback: the serving host's report (figures, window, host), as JSON.</summary>
    public string? ReportJson { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public TrafficSplit Traffic => TrafficSplit.FromJson(TrafficJson);

    internal static DeploymentRevision Create(
        Deployment deployment, int number, RevisionKind kind, TrafficSplit traffic, string reason, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new DomainException("deployment.reason", $"A deployment change needs a reason of 1 to {MaxReasonLength} characters.");
        }

        return new DeploymentRevision
        {
            Id = Ids.New(),
            DeploymentId = deployment.Id,
            Number = number,
            State = RevisionState.Validating,
            Kind = kind,
            Environment = deployment.Environment,
            HardwareClass = deployment.HardwareClass,
            TrafficJson = traffic.ToJson(),
            Reason = reason,
            CreatedBy = actor,
            CreatedAt = now,
        };
    }

    internal void AttachJob(Guid jobId) => DeployJobId = jobId;

    internal void Activate(int? previous, string? validationResultJson, DateTimeOffset now)
    {
        RequireState(RevisionState.Validating);
        State = RevisionState.Active;
        PreviousRevision = previous;
        ValidationResultJson = validationResultJson ?? ValidationResultJson;
        ActivatedAt = now;
    }

    internal void Fail(string reason, string? validationResultJson, DateTimeOffset now)
    {
        RequireState(RevisionState.Validating);
        State = RevisionState.Failed;
        FailureReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        ValidationResultJson = validationResultJson;
        EndedAt = now;
    }

    internal void End(RevisionState state, DateTimeOffset now)
    {
        RequireState(RevisionState.Active);
        State = state;
        EndedAt = now;
    }

    internal void MarkRollback(int of, string? reportJson)
    {
        RollbackOf = of;
        ReportJson = reportJson;
    }

    private void RequireState(RevisionState expected)
    {
        if (State != expected)
        {
            throw new DomainException("deployment.revision-state", $"Revision {Number} is {State}, not {expected}.");
        }
    }
}
