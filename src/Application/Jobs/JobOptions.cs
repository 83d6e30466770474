namespace Platform.Application.Jobs;

/// <summary>Section <c>Jobs</c>: leases, limits and defaults of the job system.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How long a claim or renewal holds a job; a worker renews at a third of it.</summary>
    public int LeaseSeconds { get; set; } = 15;

    public int DefaultTimeoutSeconds { get; set; } = 3600;
    public int DefaultMaxAttempts { get; set; } = 3;

    /// <summary>Log lines kept per job; later lines are counted, not stored.</summary>
    public int MaxLogLinesPerJob { get; set; } = 10_000;

    /// <summary>A queued job nobody claimed for this long has its message sent again (then after 2x, 4x ... 32x).</summary>
    public int RedispatchAfterSeconds { get; set; } = 60;

    /// <summary>A worker is shown offline after this long without a heartbeat.</summary>
    public int WorkerOfflineSeconds { get; set; } = 30;
}
