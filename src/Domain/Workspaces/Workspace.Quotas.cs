using Platform.Domain.Common;

namespace Platform.Domain.Workspaces;

/// <summary>
/// What a workspace may use of the shared platform at once. A quota left unset is the platform's default
/// (configuration); a platform Admin sets a workspace's own.
/// </summary>
public sealed partial class Workspace
{
    public const int MaxQuota = 100_000;

    /// <summary>Jobs sent to the workers or running at once; what it submits past that waits its turn.</summary>
    public int? ConcurrentJobQuota { get; private set; }

    /// <summary>Of those, jobs on the GPU hardware class.</summary>
    public int? ConcurrentGpuJobQuota { get; private set; }

    public void SetQuotas(int? concurrentJobs, int? concurrentGpuJobs)
    {
        Check(concurrentJobs, "concurrentJobs");
        Check(concurrentGpuJobs, "concurrentGpuJobs");
        (ConcurrentJobQuota, ConcurrentGpuJobQuota) = (concurrentJobs, concurrentGpuJobs);
    }

    private static void Check(int? quota, string field)
    {
        if (quota is < 1 or > MaxQuota)
        {
            throw new DomainException("workspace.quota", $"A quota ({field}) is 1 to {MaxQuota:N0}, or unset for the platform's default.");
        }
    }
}
