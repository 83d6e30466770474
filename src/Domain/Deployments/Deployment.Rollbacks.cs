using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Deployments;

public sealed partial class Deployment
{
    /// <summary>
    /// One step back: a new Active revision with the traffic of <paramref name="target"/> (the revision active before
    /// <paramref name="active"/>), which ends RolledBack. Its versions were on this deployment before: no new approval
    /// or validation is asked.
    /// </summary>
    public DeploymentRevision RollBack(DeploymentRevision active, DeploymentRevision target, string reason, string actor, DateTimeOffset now)
    {
        RequireActive(active);
        if (active.PreviousRevision != target.Number || target.DeploymentId != Id)
        {
            throw new DomainException("deployment.rollback-target", $"Revision {target.Number} is not the one active before revision {active.Number}.");
        }

        var revision = Replace(active, RevisionKind.Rollback, target.Traffic, target.Number, null, reason, actor, now);
        Raise(new DeploymentRolledBack(this, revision));
        return revision;
    }

    /// <summary>
    /// A serving host rolled the canary of <paramref name="active"/> back: a new Active revision without the canary (its
    /// weight moved to the stable version with the most traffic), with the host's report; <paramref name="active"/> ends RolledBack.
    /// </summary>
    public DeploymentRevision RollBackCanary(DeploymentRevision active, int canaryVersion, string reportJson, string reason, string actor, DateTimeOffset now)
    {
        RequireActive(active);
        var traffic = active.Traffic;
        if (traffic.Canary?.Version != canaryVersion)
        {
            throw new DomainException("deployment.no-canary", $"Revision {active.Number} of '{Name}' has no canary version {canaryVersion}.");
        }

        var revision = Replace(active, RevisionKind.CanaryRollback, traffic.WithoutCanary(), active.Number, reportJson, reason, actor, now);
        Raise(new DeploymentCanaryRolledBack(this, revision, active, canaryVersion));
        return revision;
    }

    /// <summary>An inference key was added or revoked: the desired state changed.</summary>
    public void KeysChanged(DateTimeOffset now) => Touch(now);

    private DeploymentRevision Replace(
        DeploymentRevision active, RevisionKind kind, TrafficSplit traffic, int of, string? reportJson, string reason, string actor, DateTimeOffset now)
    {
        var revision = DeploymentRevision.Create(this, LatestRevision + 1, kind, traffic, reason, actor, now);
        revision.MarkRollback(of, reportJson);
        LatestRevision = revision.Number;
        active.End(RevisionState.RolledBack, now);
        revision.Activate(active.Number, null, now);
        ActiveRevision = revision.Number;
        Touch(now);
        return revision;
    }

    private void Activate(DeploymentRevision revision, DeploymentRevision? active, string? resultJson, DateTimeOffset now)
    {
        active?.End(RevisionState.Superseded, now);
        revision.Activate(active?.Number, resultJson, now);
        ActiveRevision = revision.Number;
    }

    private void RequireActive(DeploymentRevision? active)
    {
        if (active?.Number != ActiveRevision || (active is not null && active.DeploymentId != Id))
        {
            throw new DomainException("deployment.active", $"The active revision of '{Name}' is {ActiveRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }
    }

    private void RequirePending(DeploymentRevision pending)
    {
        if (pending.Number != PendingRevision || pending.DeploymentId != Id)
        {
            throw new DomainException("deployment.pending", $"Revision {pending.Number} of '{Name}' is not the one being validated.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyVersion++;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
