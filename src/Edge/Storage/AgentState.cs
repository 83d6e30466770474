using Platform.Contracts.Fleet;

namespace Platform.Edge.Storage;

/// <summary>
/// What the agent keeps between starts (agent-state.json): the report sequence, the desired revision it last saw, and per
/// model what it serves, what it served before (the B of A/B) and where its current target stands. Written atomically
/// after every change, so that a restart without the platform serves the last good models at once.
/// </summary>
internal sealed record AgentState
{
    public long Sequence { get; init; }

    public string? DesiredRevision { get; init; }

    public Dictionary<string, ModelRecord> Models { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>One model on the device: the serving file, the one before it, and the target it was last asked for.</summary>
internal sealed record ModelRecord
{
    public ModelFile? Serving { get; init; }

    public ModelFile? Previous { get; init; }

    /// <summary>The version asked for and what identifies that request (<see cref="TargetKey"/>): a changed key is a new target.</summary>
    public int Target { get; init; }

    public string TargetKey { get; init; } = "";

    public ModelOnDevice State { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>When <see cref="State"/> began.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>When the serving version was switched to: its health window starts here.</summary>
    public DateTimeOffset? SwitchedAt { get; init; }

    /// <summary>The health check the serving version is judged by while <see cref="State"/> is Applied.</summary>
    public LocalHealthCheck? HealthCheck { get; init; }
}

/// <summary>A model version's verified file on disk.</summary>
internal sealed record ModelFile(int Version, string Path, string Sha256);
