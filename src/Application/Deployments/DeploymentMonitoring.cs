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

    /// <summary>
    /// The drift alert rule: a deployment alerts when the newest snapshot of a version it serves now (one in its Active
    /// revision) does. A version taken off the traffic (a rollback, a canary rolled back) no longer raises it, though
    /// its last figures are still shown.
    /// </summary>
    public static bool DriftAlert(IEnumerable<(int Version, bool Alert)> newestPerVersion, IReadOnlySet<int> served) =>
        newestPerVersion.Any(s => s.Alert && served.Contains(s.Version));

    /// <summary>The versions each deployment's Active revision serves (a deployment without one is left out).</summary>
    public static async Task<Dictionary<Guid, IReadOnlySet<int>>> ServedVersionsAsync(
        this IPlatformDbContext db, IReadOnlyCollection<Guid> deploymentIds, CancellationToken cancellationToken) =>
        (await db.DeploymentRevisions.AsNoTracking()
            .Where(r => deploymentIds.Contains(r.DeploymentId) && db.Deployments.Any(d => d.Id == r.DeploymentId && d.ActiveRevision == r.Number))
            .ToListAsync(cancellationToken))
        .ToDictionary(r => r.DeploymentId, IReadOnlySet<int> (r) => r.Traffic.Versions.Select(v => v.Version).ToHashSet());

    /// <summary>One deployment's monitoring: the newest figures per version and the drift alert.</summary>
    public static async Task<MonitoringDto> LatestMonitoringAsync(this IPlatformDbContext db, Guid deploymentId, CancellationToken cancellationToken)
    {
        var latest = (await db.LatestSnapshots([deploymentId]).OrderBy(s => s.Version).ToListAsync(cancellationToken)).Select(VersionMonitoringDto.Of).ToList();
        var served = (await db.ServedVersionsAsync([deploymentId], cancellationToken)).GetValueOrDefault(deploymentId) ?? new HashSet<int>();
        return new MonitoringDto(DriftAlert(latest.Select(v => (v.Version, v.DriftAlert)), served), latest);
    }

    /// <summary>Which deployments of <paramref name="served"/> (each with the versions it serves) raise the drift alert now, read for all of them in one query.</summary>
    public static async Task<IReadOnlySet<Guid>> DriftAlertingAsync(
        this IPlatformDbContext db, IReadOnlyDictionary<Guid, IReadOnlySet<int>> served, CancellationToken cancellationToken)
    {
        if (served.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var latest = await db.LatestSnapshots([.. served.Keys]).Select(s => new { s.DeploymentId, s.Version, s.DriftAlert }).ToListAsync(cancellationToken);
        return latest.GroupBy(s => s.DeploymentId).Where(g => DriftAlert(g.Select(s => (s.Version, s.DriftAlert)), served[g.Key])).Select(g => g.Key).ToHashSet();
    }

    /// <summary>Whether one deployment raises the drift alert now.</summary>
    public static async Task<bool> DriftAlertAsync(this IPlatformDbContext db, Guid deploymentId, CancellationToken cancellationToken) =>
        (await db.DriftAlertingAsync(await db.ServedVersionsAsync([deploymentId], cancellationToken), cancellationToken)).Contains(deploymentId);
}
