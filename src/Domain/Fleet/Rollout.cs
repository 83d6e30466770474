using Platform.Domain.Common;
using Platform.Domain.Deployments;
using Platform.Domain.Governance;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Fleet;

/// <summary>
/// An approved model version moving across the devices a selector picks, in cumulative waves at a rate, each wave
/// judged by a health gate before the next starts; a failed gate pauses it or rolls every touched device back.
/// Pausing, resuming, aborting and rolling back by hand are Operators' (the application checks who). Started with an
/// approval required, it waits (<see cref="RolloutState.AwaitingApproval"/>) until an Approver other than its starter approves or rejects it.
/// </summary>
public sealed partial class Rollout : AggregateRoot, IWorkspaceOwned
{
    public const int MaxReasonLength = 500;

    private Rollout()
    {
        Model = Selector = CreatedBy = Reason = string.Empty;
        Waves = [];
        Rate = new RolloutRate(null);
        Gate = new HealthGate();
        HealthCheck = new LocalHealthLimits();
    }

    public Guid Id { get; private set; }
    public Guid WorkspaceId { get; private set; }
    public Guid ModelId { get; private set; }
    public string Model { get; private set; }
    public int Version { get; private set; }
    public Guid ModelVersionId { get; private set; }
    public DeploymentEnvironment Environment { get; private set; }
    public string Selector { get; private set; }
    public IReadOnlyList<Wave> Waves { get; private set; }
    public RolloutRate Rate { get; private set; }
    public HealthGate Gate { get; private set; }
    public LocalHealthLimits HealthCheck { get; private set; }
    public FailurePolicy OnFailure { get; private set; }
    public RolloutState State { get; private set; }

    /// <summary>How many devices the selector picked when the rollout started: what the waves' percentages are of.</summary>
    public int TotalDevices { get; private set; }

    /// <summary>The wave under way (0-based); equal to the number of waves once completed.</summary>
    public int CurrentWave { get; private set; }

    /// <summary>Devices given the version so far, and how many of them when the current wave started.</summary>
    public int Assigned { get; private set; }
    public int AssignedBeforeWave { get; private set; }
    public DateTimeOffset WaveStartedAt { get; private set; }

    /// <summary>When the current wave's last device was given the version: its gate's timeout counts from here.</summary>
    public DateTimeOffset? WaveFilledAt { get; private set; }

    /// <summary>Why it paused, failed, was aborted or rolled back; empty while all is well.</summary>
    public string Reason { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>The local user who started it, when there is one: the starter may not approve it.</summary>
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public long ConcurrencyVersion { get; private set; }

    /// <summary>Under way: the model's one rollout at a time, a rollout waiting for its approval included.</summary>
    public bool IsActive => State is RolloutState.Running or RolloutState.Paused or RolloutState.RollingBack or RolloutState.AwaitingApproval;

    public static Rollout Start(
        Guid modelId, string model, Guid modelVersionId, int version, DeploymentEnvironment environment, LabelSelector selector, int totalDevices,
        IReadOnlyList<Wave> waves, RolloutRate? rate, HealthGate? gate, LocalHealthLimits? healthCheck, FailurePolicy onFailure, Actor createdBy, DateTimeOffset now,
        bool requireApproval = false)
    {
        if (RolloutPlanRules.Problems(waves, rate, gate, healthCheck) is [var (field, reason), ..])
        {
            throw new DomainException("rollout.plan", $"{field} {reason}.");
        }

        if (totalDevices == 0)
        {
            throw new DomainException("rollout.no-devices", $"The selector '{selector.Text}' picks no active device of this fleet.");
        }

        var rollout = new Rollout
        {
            Id = Guid.CreateVersion7(), ModelId = modelId, Model = model, ModelVersionId = modelVersionId, Version = version, Environment = environment,
            Selector = selector.Text, TotalDevices = totalDevices, Waves = [.. waves], Rate = rate ?? new RolloutRate(null), Gate = gate ?? new HealthGate(),
            HealthCheck = healthCheck ?? new LocalHealthLimits(), OnFailure = onFailure, State = requireApproval ? RolloutState.AwaitingApproval : RolloutState.Running,
            RequiresApproval = requireApproval, CreatedBy = createdBy.Name, CreatedByUserId = createdBy.UserId, CreatedAt = now, WaveStartedAt = now,
        };
        rollout.Raise(new RolloutChanged(rollout, requireApproval ? RolloutChange.ApprovalRequested : RolloutChange.Started));
        return rollout;
    }

    /// <summary>How many more devices to give the version now: the rest of the current wave, no faster than the rate.</summary>
    public int DueNow(DateTimeOffset now)
    {
        if (State != RolloutState.Running || CurrentWave >= Waves.Count || WaveFilledAt is not null)
        {
            return 0;
        }

        var rest = Math.Max(0, Waves[CurrentWave].Cumulative(TotalDevices) - Assigned);
        if (Rate.DevicesPerMinute is not { } perMinute)
        {
            return rest;
        }

        var speed = perMinute * Math.Pow(Rate.Growth, CurrentWave);
        var allowed = 1 + (int)Math.Floor(speed * Math.Max(0, (now - WaveStartedAt).TotalMinutes));
        return Math.Clamp(allowed - (Assigned - AssignedBeforeWave), 0, rest);
    }

    /// <summary>Records that <paramref name="count"/> more devices were given the version.</summary>
    public void Gave(int count, DateTimeOffset now)
    {
        Assigned += count;
        if (WaveFilledAt is null && Assigned >= Waves[CurrentWave].Cumulative(TotalDevices))
        {
            WaveFilledAt = now;
        }

        ConcurrencyVersion++;
    }

    /// <summary>The devices of the current wave are as <paramref name="figures"/> say: pass, fail or wait for the gate.</summary>
    public GateVerdict Judge(WaveFigures figures, DateTimeOffset now) => RolloutGate.Judge(this, figures, now);
}
