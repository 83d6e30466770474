namespace Platform.Domain.Federated;

/// <summary>Where a federation is: waiting for enough consenting sites, running rounds, or ended (and why, in its reason).</summary>
public enum FederationState
{
    /// <summary>Fewer available consenting sites than a round needs; the driver opens the first round once there are.</summary>
    Waiting,
    Running,

    /// <summary>Every round aggregated; the model is the run's artefact.</summary>
    Completed,

    /// <summary>A round could not reach its quorum in its attempts, or aggregating failed.</summary>
    Failed,

    /// <summary>The privacy budget would have been passed by the next round: the model of the rounds so far is kept.</summary>
    Stopped,
    Cancelled,
}

/// <summary>Where a round is: open for its sites' messages, aggregated into the global weights, or failed (its reason says why).</summary>
public enum RoundState
{
    Open,
    Aggregated,
    Failed,
}

/// <summary>
/// What a round asks of its sites now. Without secure aggregation a round has one phase (<see cref="Update"/>); with it,
/// four (Bonawitz et al. 2017): advertise keys, share them, send the masked update, reveal what unmasks the sum.
/// </summary>
public enum RoundPhase
{
    Update,
    AdvertiseKeys,
    ShareKeys,
    MaskedUpdate,
    Unmask,
}
