using Platform.Domain.Common;

namespace Platform.Domain.Fleet;

public sealed partial class Rollout
{
    /// <summary>The current wave's gate passed: the next wave starts, or the rollout is complete.</summary>
    public void PassWave(DateTimeOffset now)
    {
        Require(RolloutState.Running);
        Raise(new RolloutChanged(this, RolloutChange.WavePassed, CurrentWave));
        (CurrentWave, AssignedBeforeWave, WaveStartedAt, WaveFilledAt) = (CurrentWave + 1, Assigned, now, null);
        if (CurrentWave >= Waves.Count)
        {
            (State, EndedAt) = (RolloutState.Completed, now);
            Raise(new RolloutChanged(this, RolloutChange.Completed));
        }

        ConcurrencyVersion++;
    }

    /// <summary>The gate failed: as the failure policy says, pause here or roll every touched device back.</summary>
    public void FailGate(string reason, DateTimeOffset now)
    {
        Require(RolloutState.Running);
        if (OnFailure == FailurePolicy.Pause)
        {
            Pause(reason);
        }
        else
        {
            RollBack(reason, now);
        }
    }

    /// <summary>Fewer devices than the wave wants are left to give the version to (some left the group): the wave is as full as it gets.</summary>
    public void NoMoreDevices(DateTimeOffset now) => WaveFilledAt ??= now;

    public void Pause(string reason)
    {
        Require(RolloutState.Running);
        (State, Reason) = (RolloutState.Paused, Trim(reason));
        Raise(new RolloutChanged(this, RolloutChange.Paused));
        ConcurrencyVersion++;
    }

    public void Resume(DateTimeOffset now)
    {
        Require(RolloutState.Paused);
        // The wave starts over its gate: a wave paused by a failed gate is judged afresh, as from now.
        (State, Reason, WaveStartedAt, AssignedBeforeWave) = (RolloutState.Running, "", now, Assigned);
        WaveFilledAt = WaveFilledAt is null ? null : now;
        Raise(new RolloutChanged(this, RolloutChange.Resumed));
        ConcurrencyVersion++;
    }

    /// <summary>Stops where it is: nobody else gets the version, those who have it keep it; one awaiting its approval is withdrawn.</summary>
    public void Abort(string reason, DateTimeOffset now)
    {
        Require(RolloutState.Running, RolloutState.Paused, RolloutState.AwaitingApproval);
        (State, Reason, EndedAt) = (RolloutState.Aborted, Trim(reason), now);
        Raise(new RolloutChanged(this, RolloutChange.Aborted));
        ConcurrencyVersion++;
    }

    /// <summary>Every device it touched goes back to what it ran before (the application moves their desired state).</summary>
    public void RollBack(string reason, DateTimeOffset now)
    {
        Require(RolloutState.Running, RolloutState.Paused);
        (State, Reason, RollbackStartedAt) = (RolloutState.RollingBack, Trim(reason), now);
        Raise(new RolloutChanged(this, RolloutChange.RollingBack));
        ConcurrencyVersion++;
    }

    /// <summary>When the rollback began: it is done when every touched device reports its previous version, or a gate's timeout after this.</summary>
    public DateTimeOffset? RollbackStartedAt { get; private set; }

    /// <summary>Every touched device reported its previous version (or the gate's timeout passed since the rollback began).</summary>
    public void FinishRollback(DateTimeOffset now)
    {
        Require(RolloutState.RollingBack);
        (State, EndedAt) = (RolloutState.RolledBack, now);
        Raise(new RolloutChanged(this, RolloutChange.RolledBack));
        ConcurrencyVersion++;
    }

    private void Require(params RolloutState[] states)
    {
        if (!states.Contains(State))
        {
            throw new DomainException("rollout.state", $"The rollout is {State}; this needs it {string.Join(" or ", states)}.");
        }
    }

    private static string Trim(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
}
