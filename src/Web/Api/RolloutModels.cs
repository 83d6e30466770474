namespace Platform.Web.Api;

/// <summary>The states of a rollout and of one device in it, as the Api names them.</summary>
public static class RolloutStates
{
    public static readonly IReadOnlyList<string> All = ["AwaitingApproval", "Running", "Paused", "Completed", "RollingBack", "RolledBack", "Aborted", "Rejected"];

    /// <summary>Started with an approval required and not yet decided: no device gets anything until an Approver approves it.</summary>
    public const string AwaitingApproval = "AwaitingApproval";

    public static readonly IReadOnlyList<string> Device = ["Assigned", "Downloading", "Applied", "Healthy", "Failed", "RollingBack", "RolledBack"];

    /// <summary>While a rollout is in one of these its devices move without raising events: its page reads it again on a timer.</summary>
    public static bool Moving(string state) => state is "Running" or "RollingBack";
}

/// <summary>One wave: a cumulative share of the selected devices, or a cumulative count of them.</summary>
public sealed record WaveInfo(double? Percent, int? Count)
{
    public override string ToString() => Percent is { } p ? $"{p:0.##} %" : $"{Count} devices";
}

/// <summary>Devices given the version a minute (null: a wave at once), times <see cref="Growth"/> after each passed wave.</summary>
public sealed record RolloutRateInfo(int? DevicesPerMinute, double Growth = 1.0);

/// <summary>What a wave must show before the next starts.</summary>
public sealed record HealthGateInfo(double MinReportingPercent = 90, double MaxFailurePercent = 10, double? MaxErrorRate = null, double? MaxP95Ratio = null, int TimeoutSeconds = 600);

/// <summary>The check each device makes of the new version in its first minutes, rolling back by itself when it fails.</summary>
public sealed record LocalHealthInfo(int WindowSeconds = 60, int MinInferences = 0, double? MaxErrorRate = null, double? MaxP95Milliseconds = null);

/// <summary>A rollout: its plan, state and reason, each wave's progress, and whether it needed an approval and who gave it when.</summary>
public sealed record RolloutInfo(
    Guid Id, string Model, int Version, string Environment, string Selector, IReadOnlyList<WaveInfo> Waves, RolloutRateInfo Rate, HealthGateInfo Gate,
    LocalHealthInfo HealthCheck, string OnFailure, string State, string Reason, int TotalDevices, int CurrentWave, int Assigned,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, long Revision, IReadOnlyList<WaveProgressInfo> Progress,
    bool RequiresApproval = false, string? ApprovedBy = null, DateTimeOffset? ApprovedAt = null, string? ApprovalComment = null)
{
    /// <summary>The wave under way, counted from 1 (the last once it ended).</summary>
    public int WaveNumber => Math.Min(CurrentWave + 1, Math.Max(Waves.Count, 1));

    /// <summary>The share of the selected devices that is healthy on the version, in percent.</summary>
    public double HealthyPercent => TotalDevices == 0 ? 0 : 100.0 * Progress.Sum(p => p.Healthy) / TotalDevices;

    /// <summary>The share of the selected devices given the version, in percent.</summary>
    public double AssignedPercent => TotalDevices == 0 ? 0 : 100.0 * Assigned / TotalDevices;
}

/// <summary>One wave's devices by where they are, and their figures on the new version.</summary>
public sealed record WaveProgressInfo(
    int Wave, int Size, int Pending, int Assigned, int Downloading, int Applied, int Healthy, int Failed, int RollingBack, int RolledBack,
    long Inferences, long Errors, double? P95Milliseconds)
{
    public double? ErrorRate => Inferences == 0 ? null : (double)Errors / Inferences;

    /// <summary>The wave's devices per status, in the order the chart stacks them.</summary>
    public IReadOnlyList<(string Status, int Devices)> Segments =>
    [
        ("Pending", Pending), ("Assigned", Assigned), ("Downloading", Downloading), ("Applied", Applied), ("Healthy", Healthy), ("Failed", Failed),
        ("RollingBack", RollingBack), ("RolledBack", RolledBack),
    ];
}

/// <summary>One device of a rollout.</summary>
public sealed record RolloutTargetInfo(
    Guid DeviceId, string Device, int Wave, string Status, int? PreviousVersion, string? FailureReason, long Inferences, long Errors,
    double? P95Milliseconds, DateTimeOffset AssignedAt, DateTimeOffset UpdatedAt);

/// <summary>What the new-rollout form sends (<c>POST /fleet/rollouts</c>).</summary>
public sealed record RolloutPlan(
    string Model, int Version, string Environment, string Selector, IReadOnlyList<WaveInfo> Waves, RolloutRateInfo Rate, HealthGateInfo Gate,
    LocalHealthInfo HealthCheck, string OnFailure, bool RequireApproval = false);
