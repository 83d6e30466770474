namespace Platform.Contracts.Messages.Jobs;

/// <summary>Latest progress of a running job (workers coalesce: at most a few per second, latest wins).</summary>
public sealed record JobProgressed(Guid JobId, Guid LeaseId, double Percent, string? Phase, string? Message, DateTimeOffset At);

/// <summary>Log lines of a running job, in batches.</summary>
public sealed record JobLogged(Guid JobId, Guid LeaseId, IReadOnlyList<JobLogEntry> Lines);

public sealed record JobLogEntry(DateTimeOffset At, string Text);

/// <summary>Metric points a job logged for its run, in batches. Values may be NaN or infinite.</summary>
public sealed record JobMetricsLogged(Guid JobId, Guid LeaseId, Guid RunId, IReadOnlyList<JobMetricPoint> Points);

public sealed record JobMetricPoint(string Key, double Value, long Step, long Timestamp);

/// <summary>
/// The job ended on the worker: Succeeded, Failed, Cancelled or TimedOut, with the reason. Sent as a request: the
/// worker retries until the Api answers <see cref="JobEndRecorded"/>, so an end lost in a broker restart is sent again.
/// </summary>
public sealed record JobCompleted(Guid JobId, Guid LeaseId, string Outcome, string? Reason, string? ResultJson, DateTimeOffset At);

/// <summary>A worker shutting down hands a job back unfinished; it goes back to the queue. Sent as a request, like <see cref="JobCompleted"/>.</summary>
public sealed record JobReleased(Guid JobId, Guid LeaseId, string Reason);

/// <summary>The Api's answer to <see cref="JobCompleted"/> or <see cref="JobReleased"/>: stored (Changed) or already known (a repeat).</summary>
public sealed record JobEndRecorded(Guid JobId, bool Changed);
