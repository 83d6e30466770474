using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
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

    /// <summary>The deployment as answered: active and pending revisions (and monitoring when <paramref name="withMonitoring"/>).</summary>
    public static async Task<DeploymentDto> DescribeAsync(this IPlatformDbContext db, Deployment deployment, bool withMonitoring, CancellationToken cancellationToken)
    {
        var numbers = new[] { deployment.ActiveRevision, deployment.PendingRevision }.OfType<int>().ToList();
        var revisions = await db.DeploymentRevisions.AsNoTracking()
            .Where(r => r.DeploymentId == deployment.Id && numbers.Contains(r.Number)).ToListAsync(cancellationToken);
        var monitoring = withMonitoring ? await db.LatestMonitoringAsync(deployment.Id, cancellationToken) : null;
        return DeploymentDto.From(
            deployment, await db.ModelNameAsync(deployment.ModelId, cancellationToken),
            revisions.SingleOrDefault(r => r.Number == deployment.ActiveRevision), revisions.SingleOrDefault(r => r.Number == deployment.PendingRevision),
            monitoring);
    }

    /// <summary>The newest snapshot per version among the deployment's recent reports.</summary>
    public static async Task<MonitoringDto> LatestMonitoringAsync(this IPlatformDbContext db, Guid deploymentId, CancellationToken cancellationToken)
    {
        var recent = await db.MonitoringSnapshots.AsNoTracking().Where(s => s.DeploymentId == deploymentId)
            .OrderByDescending(s => s.Sequence).Take(200).ToListAsync(cancellationToken);
        var latest = recent.GroupBy(s => s.Version).Select(g => VersionMonitoringDto.Of(g.First())).OrderBy(v => v.Version).ToList();
        return new MonitoringDto(latest.Any(v => v.DriftAlert), latest);
    }
}
