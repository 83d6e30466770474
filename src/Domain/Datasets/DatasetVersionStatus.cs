namespace Platform.Domain.Datasets;

/// <summary>
/// Where a dataset version stands: its file is stored from the start; its schema, statistics and split are known once it
/// is <see cref="Ready"/>. Only a ready version can be trained on, evaluated on or read by part.
/// </summary>
public enum DatasetVersionStatus
{
    /// <summary>Profiled and split: usable.</summary>
    Ready,

    /// <summary>Stored; being read row by row in the background (an upload that asked for <c>Prefer: respond-async</c>).</summary>
    Profiling,

    /// <summary>The file could not be read as a dataset; <see cref="DatasetVersion.Problem"/> says where and why.</summary>
    Failed,
}
