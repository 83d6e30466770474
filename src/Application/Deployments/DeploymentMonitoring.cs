using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Deployments;

namespace Platform.Application.Deployments;

/// <summary>
/// A deployment's current monitoring: the newest snapshot of each version it has reported, and the drift alert rule on
/// them. One deployment's monitoring read and a page of deployments' drift flags both go through here, so they agree.
/// </summary>
internal static class DeploymentMonitoring
{
    /// <summary>The newest snapshot per (deployment, version) of <paramref name="deploymentIds"/>, in one statement.</summary>
    public static IQueryable<MonitoringSnapshot> LatestSnapshots(this IPlatformDbContext db, IReadOnlyCollection<Guid> deploymentIds)
    {
        var newest = db.MonitoringSnapshots.Where(s => deploymentIds.Contains(s.DeploymentId))
            .GroupBy(s => new { s.DeploymentId, s.Version }).Select(g => g.Max(s => s.Sequence));
        return db.MonitoringSnapshots.AsNoTracking().Where(s => newest.Contains(s.Sequence));
    }

    /// <summary>The drift alert rule: a deployment alerts when the newest snapshot of any of its versions does.</summary>
    public static bool DriftAlert(IEnumerable<bool> newestPerVersion) => newestPerVersion.Any(alert => alert);

    /// <summary>One deployment's monitoring: the newest figures per version and the drift alert.</summary>
    public static async Task<MonitoringDto> LatestMonitoringAsync(this IPlatformDbContext db, Guid deploymentId, CancellationToken cancellationToken)
    {
        var latest = (await db.LatestSnapshots([deploymentId]).OrderBy(s => s.Version).ToListAsync(cancellationToken)).Select(VersionMonitoringDto.Of).ToList();
        return new MonitoringDto(DriftAlert(latest.Select(v => v.DriftAlert)), latest);
    }

    /// <summary>Which of <paramref name="deploymentIds"/> raise the drift alert now, read for all of them in one query.</summary>
    public static async Task<IReadOnlySet<Guid>> DriftAlertingAsync(this IPlatformDbContext db, IReadOnlyCollection<Guid> deploymentIds, CancellationToken cancellationToken)
    {
        if (deploymentIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var latest = await db.LatestSnapshots(deploymentIds).Select(s => new { s.DeploymentId, s.DriftAlert }).ToListAsync(cancellationToken);
        return latest.GroupBy(s => s.DeploymentId).Where(g => DriftAlert(g.Select(s => s.DriftAlert))).Select(g => g.Key).ToHashSet();
    }

    /// <summary>Whether one deployment raises the drift alert now.</summary>
    public static async Task<bool> DriftAlertAsync(this IPlatformDbContext db, Guid deploymentId, CancellationToken cancellationToken) =>
        (await db.DriftAlertingAsync([deploymentId], cancellationToken)).Contains(deploymentId);
}
