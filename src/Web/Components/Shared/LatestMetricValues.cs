using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>The latest point of each metric key: a later step replaces an earlier one, the same step its value.</summary>
public sealed class LatestMetricValues
{
    private readonly Dictionary<string, MetricValue> _latest = new(StringComparer.Ordinal);

    public IReadOnlyCollection<MetricValue> Values => _latest.Values;

    public void Reset(IEnumerable<MetricValue> values)
    {
        _latest.Clear();
        Add(values);
    }

    public void Add(IEnumerable<MetricValue> points)
    {
        foreach (var point in points)
        {
            if (!_latest.TryGetValue(point.Key, out var known) || point.Step >= known.Step)
            {
                _latest[point.Key] = point;
            }
        }
    }
}
