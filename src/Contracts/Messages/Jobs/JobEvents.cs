namespace Platform.Contracts.Messages.Jobs;

/// <summary>Latest progress of a running job (workers coalesce: at most a few per second, latest wins).</summary>
public sealed record JobProgressed(Guid JobId, Guid LeaseId, double Percent, string? Phase, string? Message, DateTimeOffset At);

/// <summary>Log lines of a running job, in batches.</summary>
public sealed record JobLogged(Guid JobId, Guid LeaseId, IReadOnlyList<JobLogEntry> Lines);

public sealed record JobLogEntry(DateTimeOffset At, string Text);

/// <summary>Metric points a job logged for its run, in batches. Values may be NaN or infinite.</summary>
public sealed record JobMetricsLogged(Guid JobId, Guid LeaseId, Guid RunId, IReadOnlyList<JobMetricPoint> Points);

public sealed record JobMetricPoint(string Key, double Value, long Step, long Timestamp);
