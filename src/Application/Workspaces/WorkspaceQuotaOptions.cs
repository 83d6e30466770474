namespace Platform.Application.Workspaces;

/// <summary>The platform's default quotas for a workspace that has none of its own (<c>Workspaces:Quotas</c>).</summary>
public sealed class WorkspaceQuotaOptions
{
    public const string Section = "Workspaces:Quotas";

    /// <summary>Jobs a workspace has with the workers (queued there or running) at once.</summary>
    public int ConcurrentJobs { get; set; } = 10;

    /// <summary>Of those, on the GPU hardware class.</summary>
    public int ConcurrentGpuJobs { get; set; } = 4;

    /// <summary>Bytes of artefacts, dataset versions and model versions a workspace holds (default 100 GiB).</summary>
    public long StorageBytes { get; set; } = 100L * 1024 * 1024 * 1024;

    /// <summary>Deployments a workspace has.</summary>
    public int Deployments { get; set; } = 20;
}
