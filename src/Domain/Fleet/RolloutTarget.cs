namespace Platform.Domain.Fleet;

/// <summary>
/// One device a rollout gave its version to: in which wave, what it ran before (to roll back to, and its p95 there to
/// compare with), and where it is now as its reports tell.
/// </summary>
public sealed class RolloutTarget
{
    public const int MaxReasonLength = 500;

    private RolloutTarget() => FailureReason = null;

    public Guid Id { get; private set; }
    public Guid RolloutId { get; private set; }
    public Guid DeviceId { get; private set; }
    public int Wave { get; private set; }
    public int? PreviousVersion { get; private set; }
    public double? PreviousP95Milliseconds { get; private set; }
    public RolloutDeviceStatus Status { get; private set; }
    public string? FailureReason { get; private set; }
    public long Inferences { get; private set; }
    public long Errors { get; private set; }
    public double? P95Milliseconds { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static RolloutTarget Assign(Guid rolloutId, Guid deviceId, int wave, int? previousVersion, double? previousP95, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), RolloutId = rolloutId, DeviceId = deviceId, Wave = wave, PreviousVersion = previousVersion,
        PreviousP95Milliseconds = previousP95, Status = RolloutDeviceStatus.Assigned, AssignedAt = now, UpdatedAt = now,
    };

    /// <summary>
    /// What the device reported about the rollout's model: while rolling out, where the new version is; once rolling
    /// back, whether it serves its previous version again. Returns whether anything changed.
    /// </summary>
    public bool Observe(int? serving, int target, ModelStateOnDevice state, string? reason, long inferences, long errors, double? p95, int rolloutVersion, DateTimeOffset now)
    {
        var next = Status switch
        {
            RolloutDeviceStatus.RollingBack or RolloutDeviceStatus.RolledBack =>
                serving == PreviousVersion && target != rolloutVersion ? RolloutDeviceStatus.RolledBack : Status,
            _ when target != rolloutVersion => Status,
            _ => state switch
            {
                ModelStateOnDevice.Downloading => RolloutDeviceStatus.Downloading,
                ModelStateOnDevice.Applied => RolloutDeviceStatus.Applied,
                ModelStateOnDevice.Healthy => RolloutDeviceStatus.Healthy,
                _ => RolloutDeviceStatus.Failed,
            },
        };
        var figures = serving == rolloutVersion ? (inferences, errors, p95) : (Inferences, Errors, P95Milliseconds);
        var changed = next != Status || figures != (Inferences, Errors, P95Milliseconds);
        (Status, Inferences, Errors, P95Milliseconds, UpdatedAt) = (next, figures.Item1, figures.Item2, figures.Item3, changed ? now : UpdatedAt);
        if (next == RolloutDeviceStatus.Failed)
        {
            FailureReason = reason is { Length: > MaxReasonLength } ? reason[..MaxReasonLength] : reason ?? "failed";
        }

        return changed;
    }

    /// <summary>The rollout rolls back: this device is sent its previous version.</summary>
    public void RollBack(DateTimeOffset now) =>
        (Status, UpdatedAt) = (Status == RolloutDeviceStatus.RolledBack ? Status : RolloutDeviceStatus.RollingBack, now);
}
