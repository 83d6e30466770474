namespace Platform.Application.Fleet;

/// <summary>How devices are told to poll (<c>Fleet:Polling</c>), and how often rollouts move on (<c>Fleet:RolloutTickMilliseconds</c>), how device reports are batched.</summary>
public sealed class FleetOptions
{
    public const string Section = "Fleet";

    public int PollIntervalSeconds { get; set; } = 30;

    public double PollJitter { get; set; } = 0.2;

    public int MaxBackoffSeconds { get; set; } = 300;

    public int RolloutTickMilliseconds { get; set; } = 1000;

    /// <summary>The most devices one rollout is given the version (or set back) in one tick: bounds a tick's transaction.</summary>
    public int MaxDevicesPerTick { get; set; } = 1000;

    /// <summary>
    /// How long a replica remembers a device's state for its token check (and the unchanged poll's answer). A change made
    /// on the same replica is seen at once whatever this is; another replica's (behind a load balancer) within it. At
    /// least the poll interval, so that a quiet device's polls are answered without a query.
    /// </summary>
    public int DeviceCacheSeconds { get; set; } = 30;

    /// <summary>The most device reports applied in one unit of work (group commit: those that arrive while one is written).</summary>
    public int MaxReportsPerBatch { get; set; } = 500;

    /// <summary>The most device reports waiting to be written; one more is answered 429.</summary>
    public int ReportQueueLength { get; set; } = 20_000;
}
