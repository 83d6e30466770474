namespace Platform.Contracts.Api;

/// <summary>
/// A job's states as the Api writes them, and which of them are ends, for every client (the portal, the CLI and edge
/// agent to come) so that none derives its own list and drifts (the portal once counted TimedOut as still running).
/// A test holds this to the domain's <c>JobState</c>.
/// </summary>
public static class JobStates
{
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";
    public const string TimedOut = "TimedOut";

    /// <summary>Every state, in the order a job passes them (the jobs page's filter).</summary>
    public static readonly IReadOnlyList<string> All = [Queued, Running, Succeeded, Failed, Cancelled, TimedOut];

    /// <summary>The states a job ends in: nothing more happens to it unless it is retried.</summary>
    public static readonly IReadOnlyList<string> Final = [Succeeded, Failed, Cancelled, TimedOut];

    /// <summary>The ends a job may be retried from.</summary>
    public static readonly IReadOnlyList<string> Retryable = [Failed, Cancelled, TimedOut];

    public static bool IsFinal(string? state) => state is not null && Final.Contains(state);

    public static bool CanRetry(string? state) => state is not null && Retryable.Contains(state);
}

/// <summary>A run's statuses as the Api writes them; a test holds this to the domain's <c>RunStatus</c>.</summary>
public static class RunStatuses
{
    public const string Scheduled = "Scheduled";
    public const string Running = "Running";
    public const string Finished = "Finished";
    public const string Failed = "Failed";
    public const string Killed = "Killed";

    public static readonly IReadOnlyList<string> All = [Scheduled, Running, Finished, Failed, Killed];

    /// <summary>The statuses of a run still under way (its job may yet end it).</summary>
    public static bool IsActive(string? status) => status is Scheduled or Running;
}
