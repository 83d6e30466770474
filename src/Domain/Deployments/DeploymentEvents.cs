using Platform.Domain.Common;

namespace Platform.Domain.Deployments;

/// <summary>A revision of the deployment's desired state became Active: at once, or when its deploy job passed.</summary>
public sealed record DeploymentRevisionActivated(Deployment Deployment, DeploymentRevision Revision) : IDomainEvent;

/// <summary>A revision's deploy job did not pass: it is Failed and the traffic stays on the active revision.</summary>
public sealed record DeploymentRevisionFailed(Deployment Deployment, DeploymentRevision Revision) : IDomainEvent;

/// <summary>An operator stepped back to the revision active before: <paramref name="Revision"/> is the new Active one.</summary>
public sealed record DeploymentRolledBack(Deployment Deployment, DeploymentRevision Revision) : IDomainEvent;

/// <summary>
/// A serving host rolled a canary back: <paramref name="Revision"/> (Active, with the host's report) replaces
/// <paramref name="RolledBack"/> without the canary version <paramref name="CanaryVersion"/>.
/// </summary>
public sealed record DeploymentCanaryRolledBack(Deployment Deployment, DeploymentRevision Revision, DeploymentRevision RolledBack, int CanaryVersion) : IDomainEvent;
