using Platform.Domain.Runs;

namespace Platform.Application.Common.Interfaces;

/// <summary>Writes metric points in bulk and keeps each key's latest value, in one transaction.</summary>
public interface IMetricWriter
{
    Task WriteAsync(Guid runId, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken);
}
