namespace Platform.Application.Common.Interfaces;

/// <summary>
/// The background profiler's queue: stored dataset versions waiting to be read, one at a time, and how far the one being
/// read has got. Versions left waiting when the host stopped are queued again when it starts.
/// </summary>
public interface IDatasetProfilingQueue
{
    /// <summary>Queues a version whose record is committed with status Profiling.</summary>
    void Enqueue(Guid datasetVersionId);

    /// <summary>Records that the profiler has read <paramref name="bytes"/> of the version's file.</summary>
    void ReportRead(Guid datasetVersionId, long bytes);

    /// <summary>How many bytes of the version's file have been read; null when its profiling has not started.</summary>
    long? BytesRead(Guid datasetVersionId);
}
