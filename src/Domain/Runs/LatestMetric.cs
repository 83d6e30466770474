namespace Platform.Domain.Runs;

/// <summary>
/// The value of a metric at its highest step (latest timestamp on ties) for one run: what search filters and
/// orders by. Maintained by the metric writer in the same transaction as the points.
/// </summary>
public sealed class LatestMetric
{
    private LatestMetric()
    {
        Key = string.Empty;
    }

    public Guid RunId { get; private set; }
    public string Key { get; private set; }
    public double Value { get; private set; }
    public MetricSpecial Special { get; private set; }
    public long Step { get; private set; }
    public long Timestamp { get; private set; }

    public double DecodedValue => MetricValue.Decode(Value, Special);

    public static LatestMetric From(Guid runId, MetricPoint point)
    {
        var latest = new LatestMetric { RunId = runId, Key = point.Key };
        latest.Update(point);
        return latest;
    }

    public void Update(MetricPoint point)
    {
        (Value, Special) = MetricValue.Encode(point.Value);
        Step = point.Step;
        Timestamp = point.Timestamp;
    }
}
