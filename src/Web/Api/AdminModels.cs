namespace Platform.Web.Api;

/// <summary>The role names the Api knows, in the order the portal shows them.</summary>
public static class PlatformRoles
{
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = ["Viewer", "DataScientist", "Approver", "Operator", Admin];
}

/// <summary>The event types a webhook may subscribe to (the Api's list, <c>EventTypes.All</c>): registry and governance, deployments, devices, rollouts.</summary>
public static class WebhookEventTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "model.version.created", "promotion.requested", "promotion.approved", "promotion.rejected", "promotion.withdrawn", "model.stage.changed",
        "deployment.changed", "deployment.validationFailed", "deployment.rolledBack", "deployment.canary.rolledBack", "deployment.drift.alert",
        "device.enrolled", "device.suspended", "device.resumed", "device.decommissioned", "device.revoked", "device.keyRotated",
        "rollout.started", "rollout.wave.passed", "rollout.paused", "rollout.resumed", "rollout.aborted", "rollout.rollingBack", "rollout.rolledBack",
        "rollout.completed", "rollout.approvalRequested", "rollout.rejected",
    ];
}

public sealed record UserInfo(Guid Id, string UserName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset CreatedAt);

/// <summary>A personal access token as listed: its prefix, never its secret.</summary>
public sealed record AccessTokenInfo(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>The answer to creating a token: the only time its secret is shown.</summary>
public sealed record CreatedAccessToken(AccessTokenInfo Token, string Secret);

public sealed record MetricGateInfo(string Metric, string Operator, double Threshold);

public sealed record RegressionLimitInfo(string Metric, double MaxRegression, bool HigherIsBetter);

/// <summary>
/// An approval policy as it applies; <see cref="IsDefault"/> when Admin has defined none. <see cref="Scope"/> says whose it
/// is: <c>model</c> (that model's own), <c>environment</c> or <c>default</c>.
/// </summary>
public sealed record ApprovalPolicyInfo(
    string Environment, IReadOnlyList<string> ApproverRoles, int RequiredApprovals, string? GateDataset, string GateSplit,
    IReadOnlyList<MetricGateInfo> Gates, IReadOnlyList<RegressionLimitInfo> RegressionLimits, int ExpiryHours, string UpdatedBy, DateTimeOffset UpdatedAt, bool IsDefault,
    string Scope = "environment", string? Model = null)
{
    public bool IsModelsOwn => Scope == "model";
}

/// <summary>A webhook subscription: never its secret.</summary>
public sealed record WebhookInfo(Guid Id, string Name, string Url, IReadOnlyList<string> EventTypes, bool Active, int SecretVersion, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>The answer to creating a webhook or rotating its secret: the only time the secret is shown.</summary>
public sealed record WebhookWithSecret(WebhookInfo Subscription, string Secret);

/// <summary>One line of a webhook's delivery log; <see cref="NextAttemptAt"/> only while it is pending.</summary>
public sealed record WebhookDeliveryInfo(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, string Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);
