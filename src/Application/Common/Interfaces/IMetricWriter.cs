using Platform.Domain.Runs;

namespace Platform.Application.Common.Interfaces;

/// <summary>Writes metric points in bulk and keeps each key's latest value, in one transaction.</summary>
public interface IMetricWriter
{
    /// <param name="jobId">The job whose attempt reported the points (a new attempt replaces them); null for points logged through the API.</param>
    Task WriteAsync(Guid runId, IReadOnlyList<MetricPoint> points, Guid? jobId, CancellationToken cancellationToken);

    /// <summary>
    /// A job's new attempt starts the run's curves afresh: removes the points the job reported, reads the affected keys'
    /// latest values again, and saves the context's other pending changes (the attempt's claim) in the same transaction.
    /// </summary>
    Task ForgetJobPointsAndSaveAsync(Guid runId, Guid jobId, CancellationToken cancellationToken);
}
