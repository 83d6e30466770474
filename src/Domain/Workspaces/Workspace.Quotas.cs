using Platform.Domain.Common;

namespace Platform.Domain.Workspaces;

/// <summary>
/// What a workspace may use of the shared platform. A quota left unset is the platform's default (configuration); a
/// platform Admin sets a workspace's own.
/// </summary>
public sealed partial class Workspace
{
    public const int MaxQuota = 100_000;

    /// <summary>The largest storage quota: 1 PiB.</summary>
    public const long MaxStorageQuotaBytes = 1L << 50;

    /// <summary>Jobs sent to the workers or running at once; what it submits past that waits its turn.</summary>
    public int? ConcurrentJobQuota { get; private set; }

    /// <summary>Of those, jobs on the GPU hardware class.</summary>
    public int? ConcurrentGpuJobQuota { get; private set; }

    /// <summary>Bytes of artefacts, dataset versions and model versions it holds; an upload past it is refused.</summary>
    public long? StorageQuotaBytes { get; private set; }

    /// <summary>Deployments it has; a new one past it is refused.</summary>
    public int? DeploymentQuota { get; private set; }

    public void SetQuotas(int? concurrentJobs, int? concurrentGpuJobs, long? storageBytes, int? deployments)
    {
        Check(concurrentJobs, "concurrentJobs");
        Check(concurrentGpuJobs, "concurrentGpuJobs");
        Check(deployments, "deployments");
        if (storageBytes is < 1 or > MaxStorageQuotaBytes)
        {
            throw new DomainException("workspace.quota", $"A quota (storageBytes) is 1 byte to {MaxStorageQuotaBytes:N0} (1 PiB), or unset for the platform's default.");
        }

        (ConcurrentJobQuota, ConcurrentGpuJobQuota, StorageQuotaBytes, DeploymentQuota) = (concurrentJobs, concurrentGpuJobs, storageBytes, deployments);
    }

    private static void Check(int? quota, string field)
    {
        if (quota is < 1 or > MaxQuota)
        {
            throw new DomainException("workspace.quota", $"A quota ({field}) is 1 to {MaxQuota:N0}, or unset for the platform's default.");
        }
    }
}
