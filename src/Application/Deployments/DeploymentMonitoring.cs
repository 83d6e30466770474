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

    /// <summary>The versions a revision serves (none without a revision).</summary>
    public static IReadOnlySet<int> ServedVersions(DeploymentRevision? revision) =>
        revision is null ? new HashSet<int>() : revision.Traffic.Versions.Select(v => v.Version).ToHashSet();

    /// <summary>One deployment's monitoring: the newest figures per version and the drift alert (its active revision read here).</summary>
    public static async Task<MonitoringDto> LatestMonitoringAsync(this IPlatformDbContext db, Deployment deployment, CancellationToken cancellationToken) =>
        await db.LatestMonitoringAsync(deployment.Id, ServedVersions(await db.RevisionAsync(deployment.Id, deployment.ActiveRevision, cancellationToken)), cancellationToken);

    /// <summary>One deployment's monitoring, given the versions its active revision serves.</summary>
    public static async Task<MonitoringDto> LatestMonitoringAsync(
        this IPlatformDbContext db, Guid deploymentId, IReadOnlySet<int> served, CancellationToken cancellationToken)
    {
        var latest = (await db.LatestSnapshots([deploymentId]).OrderBy(s => s.Version).ToListAsync(cancellationToken)).Select(VersionMonitoringDto.Of).ToList();
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

    /// <summary>Whether one deployment, whose active revision the caller holds, raises the drift alert now.</summary>
    public static async Task<bool> DriftAlertAsync(this IPlatformDbContext db, Guid deploymentId, DeploymentRevision? active, CancellationToken cancellationToken) =>
        (await db.DriftAlertingAsync(new Dictionary<Guid, IReadOnlySet<int>> { [deploymentId] = ServedVersions(active) }, cancellationToken)).Contains(deploymentId);
}
