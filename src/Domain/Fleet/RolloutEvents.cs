using Platform.Domain.Common;

namespace Platform.Domain.Fleet;

public enum RolloutChange
{
    Started,
    WavePassed,
    Paused,
    Resumed,
    Aborted,
    RollingBack,
    RolledBack,
    Completed,
    ApprovalRequested,
    Rejected,
}

/// <summary>A rollout asked for an approval, was rejected, started, passed a wave (<see cref="Wave"/>, 0-based), paused, resumed, was aborted, began or finished rolling back, or completed.</summary>
public sealed record RolloutChanged(Rollout Rollout, RolloutChange Change, int? Wave = null) : IDomainEvent;
