namespace Platform.Domain.Deployments;

/// <summary>Where a deployment serves: Production takes only versions approved into Production.</summary>
public enum DeploymentEnvironment
{
    Staging,
    Production,
}

/// <summary>
/// A revision's life: Validating (its deploy job runs) → Active (it has the traffic) → Superseded (a later change
/// took over) or RolledBack (a rollback took it off); Failed when validation failed (traffic stayed where it was).
/// </summary>
public enum RevisionState
{
    Validating,
    Active,
    Failed,
    Superseded,
    RolledBack,
}

/// <summary>How a revision came about: a change of desired state, an operator's rollback, or a serving host's automatic canary rollback.</summary>
public enum RevisionKind
{
    Change,
    Rollback,
    CanaryRollback,
}
