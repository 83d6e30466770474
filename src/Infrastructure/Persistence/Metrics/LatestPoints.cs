using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Metrics;

internal static class LatestPoints
{
    /// <summary>Per key, the point with the highest step, then the latest timestamp, then the last in the batch.</summary>
    public static IEnumerable<MetricPoint> Of(IReadOnlyList<MetricPoint> points)
    {
        var latest = new Dictionary<string, MetricPoint>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            if (!latest.TryGetValue(point.Key, out var current) || IsNewer(point, current))
            {
                latest[point.Key] = point;
            }
        }

        return latest.Values;
    }

    public static bool IsNewer(MetricPoint candidate, MetricPoint current) =>
        candidate.Step > current.Step || (candidate.Step == current.Step && candidate.Timestamp >= current.Timestamp);
}
