namespace Platform.Domain.Fleet;

/// <summary>One wave: a share of the selected devices (<see cref="Percent"/>, cumulative) or an absolute count of them (<see cref="Count"/>, cumulative).</summary>
public sealed record Wave(double? Percent, int? Count)
{
    /// <summary>How many devices this wave brings the rollout to, of <paramref name="total"/> selected.</summary>
    public int Cumulative(int total) =>
        Math.Min(total, Count ?? (int)Math.Ceiling(Percent!.Value / 100.0 * total - 1e-9));
}

/// <summary>How fast devices are given the version: <see cref="DevicesPerMinute"/> (null: a wave at once), times <see cref="Growth"/> after each wave that passed.</summary>
public sealed record RolloutRate(int? DevicesPerMinute, double Growth = 1.0);

/// <summary>
/// What a wave must show before the next starts: at least <see cref="MinReportingPercent"/> of its devices past their
/// local health check or failed, at most <see cref="MaxFailurePercent"/> of those failed, the wave's error rate at most
/// <see cref="MaxErrorRate"/>, its p95 at most <see cref="MaxP95Ratio"/> times the p95 the same devices had on the
/// previous version; judged once every device reported or <see cref="TimeoutSeconds"/> after the wave's last device was given the version.
/// </summary>
public sealed record HealthGate(double MinReportingPercent = 90, double MaxFailurePercent = 10, double? MaxErrorRate = null, double? MaxP95Ratio = null, int TimeoutSeconds = 600);

/// <summary>The check each device makes of the new version in its first minutes, rolling back by itself when it fails.</summary>
public sealed record LocalHealthLimits(int WindowSeconds = 60, int MinInferences = 0, double? MaxErrorRate = null, double? MaxP95Milliseconds = null);

/// <summary>What a failed gate does: stop where it is (Pause), or put every device the rollout touched back on its previous version (Rollback).</summary>
public enum FailurePolicy
{
    Pause,
    Rollback,
}

public enum RolloutState
{
    Running,
    Paused,
    Completed,
    RollingBack,
    RolledBack,
    Aborted,

    /// <summary>Started with an approval required: no device gets anything until an Approver other than its starter approves it.</summary>
    AwaitingApproval,

    /// <summary>An Approver refused it before any device got the version (final).</summary>
    Rejected,
}

/// <summary>Where one device is in a rollout.</summary>
public enum RolloutDeviceStatus
{
    /// <summary>Given the version; not heard from about it yet.</summary>
    Assigned,
    Downloading,
    Applied,
    Healthy,
    Failed,
    RollingBack,
    RolledBack,
}

/// <summary>Where a device says a model version is (its report).</summary>
public enum ModelStateOnDevice
{
    Downloading,
    Applied,
    Healthy,
    Failed,
}
