using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Notifications;

/// <summary>
/// Something that happened in the registry or governance that people and other systems are told about: saved in the
/// same transaction as the change, then pushed over SignalR and fanned out to webhooks by the notification dispatcher.
/// </summary>
public sealed class PlatformEvent : IWorkspaceOwned
{
    private PlatformEvent()
    {
        Type = string.Empty;
        PayloadJson = string.Empty;
    }

    public long Sequence { get; private set; }
    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public string Type { get; private set; }
    public string PayloadJson { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>Raises an event in the workspace of what it tells about.</summary>
    public static PlatformEvent Raise(Guid workspaceId, string type, string payloadJson, DateTimeOffset now)
    {
        if (!EventTypes.All.Contains(type))
        {
            throw new DomainException("event.type", $"Unknown event type '{type}'.");
        }

        return new PlatformEvent { Id = Ids.New(), WorkspaceId = workspaceId, Type = type, PayloadJson = payloadJson, OccurredAt = now };
    }

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt = now;
}

/// <summary>The events a webhook can subscribe to.</summary>
public static class EventTypes
{
    public const string ModelVersionCreated = "model.version.created";
    public const string PromotionRequested = "promotion.requested";
    public const string PromotionApproved = "promotion.approved";
    public const string PromotionRejected = "promotion.rejected";
    public const string PromotionWithdrawn = "promotion.withdrawn";
    public const string StageChanged = "model.stage.changed";
    public const string DeploymentChanged = "deployment.changed";
    public const string DeploymentValidationFailed = "deployment.validationFailed";
    public const string DeploymentRolledBack = "deployment.rolledBack";
    public const string DeploymentCanaryRolledBack = "deployment.canary.rolledBack";
    public const string DeploymentDriftAlert = "deployment.drift.alert";
    public const string DeviceEnrolled = "device.enrolled";
    public const string DeviceSuspended = "device.suspended";
    public const string DeviceResumed = "device.resumed";
    public const string DeviceDecommissioned = "device.decommissioned";
    public const string DeviceRevoked = "device.revoked";
    public const string DeviceKeyRotated = "device.keyRotated";
    public const string RolloutStarted = "rollout.started";
    public const string RolloutWavePassed = "rollout.wave.passed";
    public const string RolloutPaused = "rollout.paused";
    public const string RolloutResumed = "rollout.resumed";
    public const string RolloutAborted = "rollout.aborted";
    public const string RolloutRollingBack = "rollout.rollingBack";
    public const string RolloutRolledBack = "rollout.rolledBack";
    public const string RolloutCompleted = "rollout.completed";
    public const string RolloutApprovalRequested = "rollout.approvalRequested";
    public const string RolloutRejected = "rollout.rejected";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ModelVersionCreated, PromotionRequested, PromotionApproved, PromotionRejected, PromotionWithdrawn, StageChanged,
        DeploymentChanged, DeploymentValidationFailed, DeploymentRolledBack, DeploymentCanaryRolledBack, DeploymentDriftAlert,
        DeviceEnrolled, DeviceSuspended, DeviceResumed, DeviceDecommissioned, DeviceRevoked, DeviceKeyRotated,
        RolloutStarted, RolloutWavePassed, RolloutPaused, RolloutResumed, RolloutAborted, RolloutRollingBack, RolloutRolledBack, RolloutCompleted,
        RolloutApprovalRequested, RolloutRejected,
    };
}
