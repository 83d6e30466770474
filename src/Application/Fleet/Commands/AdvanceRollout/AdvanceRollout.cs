using Microsoft.Extensions.Options;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Commands.AdvanceRollout;

/// <summary>
/// One tick of one rollout, run by the rollout driver: a running rollout gives its wave's next devices the version (no
/// faster than its rate), or, in a tick that gave none, has its gate judge the wave (so the devices just given the
/// version are counted), passing to the next wave or failing as its policy says; a rolling-back one sets its devices
/// back and finishes once they all run their previous version (or its gate's timeout passed). One save: each step is
/// its own audit event. Returns whether the rollout changed.
/// </summary>
[RequiresRole(Role.System)]
public sealed record AdvanceRolloutCommand(Guid Id) : ICommand<bool>;

public sealed class AdvanceRolloutCommandHandler(IPlatformDbContext db, IDeviceAccessCache cache, TimeProvider clock, IOptions<FleetOptions> options) : ICommandHandler<AdvanceRolloutCommand, bool>
{
    public async ValueTask<bool> Handle(AdvanceRolloutCommand command, CancellationToken cancellationToken)
    {
        var rollout = await db.LoadRolloutAsync(command.Id, cancellationToken);
        var (now, before, max) = (clock.GetUtcNow(), rollout.ConcurrencyVersion, options.Value.MaxDevicesPerTick);
        if (rollout.State == RolloutState.Running)
        {
            var due = Math.Min(rollout.DueNow(now), max);
            if (due > 0)
            {
                if (await RolloutAssignments.GiveAsync(db, cache, rollout, due, now, cancellationToken) < due)
                {
                    rollout.NoMoreDevices(now);
                }
            }
            else if (rollout.Judge(await db.CurrentWaveAsync(rollout, cancellationToken), now) is { Outcome: not GateOutcome.Wait } verdict)
            {
                if (verdict.Outcome == GateOutcome.Pass)
                {
                    rollout.PassWave(now);
                }
                else
                {
                    rollout.FailGate(verdict.Reason, now);
                }
            }
        }
        else if (rollout.State == RolloutState.RollingBack)
        {
            var setBack = await RolloutAssignments.SetBackAsync(db, cache, rollout, max, now, cancellationToken);
            var left = setBack > 0 ? 1 : await db.RolloutTargets.CountAsync(t => t.RolloutId == rollout.Id && t.Status != RolloutDeviceStatus.RolledBack, cancellationToken);
            if (left == 0 || now >= rollout.RollbackStartedAt!.Value.AddSeconds(rollout.Gate.TimeoutSeconds))
            {
                rollout.FinishRollback(now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return rollout.ConcurrencyVersion != before;
    }
}
