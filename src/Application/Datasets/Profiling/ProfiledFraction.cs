using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Profiling;

/// <summary>How much of a version's file the profiler has read, 0 to 1, while it is being profiled.</summary>
internal static class ProfiledFraction
{
    public static double? Of(DatasetVersion version, IDatasetProfilingQueue profiling) =>
        version.Status != DatasetVersionStatus.Profiling ? null
        : version.SizeBytes <= 0 ? 0
        : Math.Round(Math.Min(1, (profiling.BytesRead(version.Id) ?? 0) / (double)version.SizeBytes), 3);
}
