using Platform.Domain.Runs;

namespace Platform.Application.Common.Interfaces;

/// <summary>Writes metric points in bulk and keeps each key's latest value, in one transaction.</summary>
public interface IMetricWriter
{
    /// <param name="jobId">The job whose attempt reported the points (a new attempt replaces them); null for points logged through the API.</param>
    Task WriteAsync(Guid runId, IReadOnlyList<MetricPoint> points, Guid? jobId, CancellationToken cancellationToken);
}
