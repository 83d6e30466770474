using Platform.Domain.Deployments;

namespace Platform.Application.Deployments;

/// <summary>Loading a deployment by name (404 when there is none) and its revisions by number.</summary>
internal static class DeploymentLookup
{
    public static async Task<Deployment> LoadDeploymentAsync(this IPlatformDbContext db, string name, CancellationToken cancellationToken) =>
        await db.Deployments.SingleOrDefaultAsync(d => d.Name == name, cancellationToken) ?? throw new NotFoundException("Deployment", name);

    public static async Task<DeploymentRevision?> RevisionAsync(this IPlatformDbContext db, Guid deploymentId, int? number, CancellationToken cancellationToken) =>
        number is { } n ? await db.DeploymentRevisions.SingleOrDefaultAsync(r => r.DeploymentId == deploymentId && r.Number == n, cancellationToken) : null;

    public static Task<string> ModelNameAsync(this IPlatformDbContext db, Guid modelId, CancellationToken cancellationToken) =>
        db.RegisteredModels.Where(m => m.Id == modelId).Select(m => m.Name).SingleAsync(cancellationToken);

    /// <summary>The deployment as answered: active and pending revisions, the drift alert (and monitoring when <paramref name="withMonitoring"/>).</summary>
    public static async Task<DeploymentDto> DescribeAsync(this IPlatformDbContext db, Deployment deployment, bool withMonitoring, CancellationToken cancellationToken)
    {
        var described = (await db.DescribeAllAsync([deployment], cancellationToken))[0];
        if (!withMonitoring)
        {
            return described;
        }

        var served = described.Active?.Versions.Select(v => v.Version).ToHashSet() ?? [];
        return described with { Monitoring = await db.LatestMonitoringAsync(deployment.Id, served, cancellationToken) };
    }

    /// <summary>
    /// Deployments as a list answers them, without monitoring: their active and pending revisions, model names and drift
    /// alerts each read for all of them at once (three queries however many deployments).
    /// </summary>
    public static async Task<List<DeploymentDto>> DescribeAllAsync(this IPlatformDbContext db, IReadOnlyList<Deployment> deployments, CancellationToken cancellationToken)
    {
        if (deployments.Count == 0)
        {
            return [];
        }

        var ids = deployments.Select(d => d.Id).ToList();
        var modelIds = deployments.Select(d => d.ModelId).Distinct().ToList();
        var revisions = await db.DeploymentRevisions.AsNoTracking()
            .Where(r => ids.Contains(r.DeploymentId)
                && db.Deployments.Any(d => d.Id == r.DeploymentId && (d.ActiveRevision == r.Number || d.PendingRevision == r.Number)))
            .ToListAsync(cancellationToken);
        var models = await db.RegisteredModels.Where(m => modelIds.Contains(m.Id)).Select(m => new { m.Id, m.Name })
            .ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var served = revisions.Where(r => deployments.Any(d => d.Id == r.DeploymentId && d.ActiveRevision == r.Number))
            .ToDictionary(r => r.DeploymentId, DeploymentMonitoring.ServedVersions);
        var alerting = await db.DriftAlertingAsync(served, cancellationToken);
        return [.. deployments.Select(d => DeploymentDto.From(
            d, models[d.ModelId], revisions.SingleOrDefault(r => r.DeploymentId == d.Id && r.Number == d.ActiveRevision),
            revisions.SingleOrDefault(r => r.DeploymentId == d.Id && r.Number == d.PendingRevision), null, alerting.Contains(d.Id)))];
    }
}
