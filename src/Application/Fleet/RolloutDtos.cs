using Platform.Domain.Deployments;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet;

/// <summary>A rollout as the API shows it, with each wave's progress, and whether it needed an approval and who gave it when.</summary>
public sealed record RolloutDto(
    Guid Id, string Model, int Version, DeploymentEnvironment Environment, string Selector, IReadOnlyList<Wave> Waves, RolloutRate Rate, HealthGate Gate,
    LocalHealthLimits HealthCheck, FailurePolicy OnFailure, RolloutState State, string Reason, int TotalDevices, int CurrentWave, int Assigned,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, long Revision, IReadOnlyList<WaveProgressDto> Progress,
    bool RequiresApproval, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ApprovalComment)
{
    public static RolloutDto From(Rollout r, IReadOnlyList<WaveProgressDto> progress) => new(
        r.Id, r.Model, r.Version, r.Environment, r.Selector, r.Waves, r.Rate, r.Gate, r.HealthCheck, r.OnFailure, r.State, r.Reason, r.TotalDevices,
        r.CurrentWave, r.Assigned, r.CreatedBy, r.CreatedAt, r.EndedAt, r.ConcurrencyVersion, progress, r.RequiresApproval, r.ApprovedBy, r.ApprovedAt,
        r.ApprovalComment);
}

/// <summary>
/// One wave's devices by where they are: <see cref="Pending"/> not yet given the version, then assigned,
/// downloading, applied, healthy, failed, rolling back and rolled back; and their figures on the new version.
/// </summary>
public sealed record WaveProgressDto(
    int Wave, int Size, int Pending, int Assigned, int Downloading, int Applied, int Healthy, int Failed, int RollingBack, int RolledBack,
    long Inferences, long Errors, double? P95Milliseconds);

/// <summary>One device of a rollout.</summary>
public sealed record RolloutTargetDto(
    Guid DeviceId, string Device, int Wave, RolloutDeviceStatus Status, int? PreviousVersion, string? FailureReason, long Inferences, long Errors,
    double? P95Milliseconds, DateTimeOffset AssignedAt, DateTimeOffset UpdatedAt);
