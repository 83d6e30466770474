namespace Platform.Application.Runs;

/// <summary>A metric point as pushed live to a run's watchers.</summary>
public sealed record RunMetricPointDto(string Key, double Value, long Step, long Timestamp);
