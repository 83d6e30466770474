using Platform.Domain.Runs;

namespace Platform.Application.Runs;

public sealed record RunDto(
    Guid Id, Guid ExperimentId, string Name, RunStatus Status, DateTimeOffset StartTime, DateTimeOffset? EndTime,
    string CreatedBy, IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<LatestMetricDto> Metrics, int Version);

/// <summary>A metric's latest value. Non-finite values are written as the JSON strings "NaN", "Infinity", "-Infinity".</summary>
public sealed record LatestMetricDto(string Key, double Value, long Step, long Timestamp);

/// <summary>One point of a metric's history (value encoded as in <see cref="LatestMetricDto"/>).</summary>
public sealed record MetricPointDto(double Value, long Step, long Timestamp);
