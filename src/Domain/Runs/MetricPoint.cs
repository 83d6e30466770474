namespace Platform.Domain.Runs;

/// <summary>One logged value of a metric: a key, its value, the training step and the client's timestamp (epoch ms).</summary>
public sealed record MetricPoint(string Key, double Value, long Step, long Timestamp);
