using System.Text.Json.Serialization;
using Platform.Contracts.Api;
using Platform.Domain.Deployments;
using Platform.Domain.Fleet;
using Platform.Domain.Governance;
using Platform.Domain.Notifications;
using Platform.Domain.Registry;

namespace Platform.Application.Notifications;

/// <summary>
/// What people and systems outside are told (SignalR and webhooks): one record per event type, serialised as the
/// event's payload. Mapped from domain events in <see cref="EventHandlers.IntegrationEventsFromDomainEvents"/>; named
/// by <see cref="IntegrationEventTypes"/>.
/// </summary>
public interface IIntegrationEvent;

public sealed record ModelVersionCreatedEvent(string Model, int Version, string CreatedBy, string ArtifactSha256) : IIntegrationEvent;

public sealed record StageChangedEvent(string Model, int Version, ModelStage From, ModelStage To, string Actor, string Reason, Guid? RequestId) : IIntegrationEvent;

/// <summary>A promotion request opened or closed (approved, rejected, withdrawn): <see cref="Status"/> tells which.</summary>
public sealed record PromotionEvent(Guid RequestId, string Model, int Version, ModelStage TargetStage, PromotionStatus Status, string Actor, string? Comment)
    : IIntegrationEvent;

/// <summary>A revision became Active (<c>deployment.changed</c>) or was rolled back to (<c>deployment.rolledBack</c>).</summary>
public sealed record DeploymentChangedEvent(
    string Deployment, string Model, DeploymentEnvironment Environment, int Revision, RevisionKind Kind, IReadOnlyList<TrafficVersion> Versions,
    int? PreviousRevision, string By, string Reason, [property: JsonIgnore] bool RolledBack) : IIntegrationEvent;

public sealed record DeploymentValidationFailedEvent(
    string Deployment, string Model, int Revision, IReadOnlyList<TrafficVersion> Versions, string? Reason, int? ActiveRevision) : IIntegrationEvent;

public sealed record DeploymentCanaryRolledBackEvent(
    string Deployment, string Model, int Revision, int RolledBackRevision, int CanaryVersion, IReadOnlyList<TrafficVersion> Versions,
    long Requests, long Errors, double ErrorRate, double P95Milliseconds, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Host, string Reason)
    : IIntegrationEvent;

/// <summary>Drift alerts that turned on in one monitoring report, per version: an observation, not a change of the deployment.</summary>
public sealed record DeploymentDriftAlertEvent(string Deployment, string Model, int Revision, string Host, IReadOnlyList<DriftAlertVersion> Versions)
    : IIntegrationEvent;

public sealed record DriftAlertVersion(int Version, IReadOnlyList<FeatureDrift> Features);

/// <summary>Each integration event's type name (<see cref="EventTypes"/>: what webhooks subscribe to), in one place.</summary>
/// <summary>A device enrolled, was suspended, resumed, decommissioned or revoked, or rotated its key (<c>device.*</c>).</summary>
public sealed record DeviceEvent(
    Guid DeviceId, string Name, IReadOnlyDictionary<string, string> Labels, Domain.Fleet.DeviceState State, [property: JsonIgnore] DeviceChange Change,
    int CredentialVersion, string By) : IIntegrationEvent;

/// <summary>A rollout asked for its approval, was rejected, started (on its approval, when it needed one), passed a wave (1-based), paused, resumed, was aborted, began or finished rolling back, or completed (<c>rollout.*</c>).</summary>
public sealed record RolloutEvent(
    Guid RolloutId, string Model, int Version, string Selector, RolloutState State, [property: JsonIgnore] RolloutChange Change, int? Wave, string Reason,
    int TotalDevices, int Assigned, string By) : IIntegrationEvent;

public static class IntegrationEventTypes
{
    public static string Of(IIntegrationEvent e) => e switch
    {
        ModelVersionCreatedEvent => EventTypes.ModelVersionCreated,
        StageChangedEvent => EventTypes.StageChanged,
        PromotionEvent { Status: PromotionStatus.Pending } => EventTypes.PromotionRequested,
        PromotionEvent { Status: PromotionStatus.Approved } => EventTypes.PromotionApproved,
        PromotionEvent { Status: PromotionStatus.Rejected } => EventTypes.PromotionRejected,
        PromotionEvent { Status: PromotionStatus.Withdrawn } => EventTypes.PromotionWithdrawn,
        DeploymentChangedEvent { RolledBack: true } => EventTypes.DeploymentRolledBack,
        DeploymentChangedEvent => EventTypes.DeploymentChanged,
        DeploymentValidationFailedEvent => EventTypes.DeploymentValidationFailed,
        DeploymentCanaryRolledBackEvent => EventTypes.DeploymentCanaryRolledBack,
        DeploymentDriftAlertEvent => EventTypes.DeploymentDriftAlert,
        DeviceEvent d => d.Change switch
        {
            DeviceChange.Enrolled => EventTypes.DeviceEnrolled,
            DeviceChange.Suspended => EventTypes.DeviceSuspended,
            DeviceChange.Resumed => EventTypes.DeviceResumed,
            DeviceChange.Decommissioned => EventTypes.DeviceDecommissioned,
            DeviceChange.Revoked => EventTypes.DeviceRevoked,
            _ => EventTypes.DeviceKeyRotated,
        },
        RolloutEvent r => r.Change switch
        {
            RolloutChange.Started => EventTypes.RolloutStarted,
            RolloutChange.WavePassed => EventTypes.RolloutWavePassed,
            RolloutChange.Paused => EventTypes.RolloutPaused,
            RolloutChange.Resumed => EventTypes.RolloutResumed,
            RolloutChange.Aborted => EventTypes.RolloutAborted,
            RolloutChange.RollingBack => EventTypes.RolloutRollingBack,
            RolloutChange.RolledBack => EventTypes.RolloutRolledBack,
            RolloutChange.ApprovalRequested => EventTypes.RolloutApprovalRequested,
            RolloutChange.Rejected => EventTypes.RolloutRejected,
            _ => EventTypes.RolloutCompleted,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "An integration event with no event type."),
    };
}
