namespace Platform.Application.Jobs;

/// <summary>The platform's default quotas for a workspace that has none of its own (<c>Workspaces:Quotas</c>).</summary>
public sealed class JobQuotaOptions
{
    public const string Section = "Workspaces:Quotas";

    /// <summary>Jobs a workspace has with the workers (queued there or running) at once.</summary>
    public int ConcurrentJobs { get; set; } = 10;

    /// <summary>Of those, on the GPU hardware class.</summary>
    public int ConcurrentGpuJobs { get; set; } = 4;
}
