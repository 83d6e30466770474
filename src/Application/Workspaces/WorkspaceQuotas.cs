using Microsoft.Extensions.Options;
using Platform.Application.Jobs;

namespace Platform.Application.Workspaces;

/// <summary>A workspace's quotas with what it uses of each now, and the deployment quota's check.</summary>
public sealed class WorkspaceQuotas(IPlatformDbContext db, IWorkspaceScope scope, JobShares shares, StorageQuota storage, IOptions<WorkspaceQuotaOptions> defaults)
{
    public async Task<WorkspaceQuotasDto> UsageAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var (jobs, gpuJobs) = await shares.UsageAsync(workspaceId, cancellationToken);
        var storageBytes = new StorageQuotaUseDto(await storage.QuotaAsync(workspaceId, cancellationToken), await storage.UsedAsync(workspaceId, cancellationToken));
        var deployments = new QuotaUseDto(await DeploymentQuotaAsync(workspaceId, cancellationToken), await DeploymentsAsync(workspaceId, cancellationToken), null);
        return new WorkspaceQuotasDto(jobs, gpuJobs, storageBytes, deployments);
    }

    /// <summary>Refuses a new deployment in the current workspace once it has its quota of them (409 <c>quota.deployments</c>).</summary>
    public async Task EnsureRoomForDeploymentAsync(CancellationToken cancellationToken)
    {
        var workspaceId = scope.WorkspaceId ?? Workspace.DefaultId;
        var quota = await DeploymentQuotaAsync(workspaceId, cancellationToken);
        if (await DeploymentsAsync(workspaceId, cancellationToken) >= quota)
        {
            throw new ConflictException("quota.deployments",
                $"The workspace has its quota of {quota} deployment{(quota == 1 ? "" : "s")}; change one of them, or ask a platform Admin to raise the quota.");
        }
    }

    private async Task<int> DeploymentQuotaAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.DeploymentQuota).SingleOrDefaultAsync(cancellationToken)
        ?? defaults.Value.Deployments;

    private Task<int> DeploymentsAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Deployments.IgnoreQueryFilters().CountAsync(d => d.WorkspaceId == workspaceId, cancellationToken);
}
