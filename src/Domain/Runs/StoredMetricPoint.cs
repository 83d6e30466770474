namespace Platform.Domain.Runs;

/// <summary>A metric point as stored: read-only in the model, inserted in bulk by the metric writer.</summary>
public sealed class StoredMetricPoint
{
    private StoredMetricPoint()
    {
        Key = string.Empty;
    }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public string Key { get; private set; }
    public double Value { get; private set; }
    public MetricSpecial Special { get; private set; }
    public long Step { get; private set; }
    public long Timestamp { get; private set; }

    /// <summary>The job whose attempt reported the point; null for a point logged through the API.</summary>
    public Guid? JobId { get; private set; }

    public static StoredMetricPoint From(Guid runId, MetricPoint point, Guid? jobId = null)
    {
        var (stored, special) = MetricValue.Encode(point.Value);
        return new StoredMetricPoint
        {
            RunId = runId,
            Key = point.Key,
            Value = stored,
            Special = special,
            Step = point.Step,
            Timestamp = point.Timestamp,
            JobId = jobId,
        };
    }
}
