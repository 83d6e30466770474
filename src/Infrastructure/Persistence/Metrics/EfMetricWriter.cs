using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Runs;
using Platform.Infrastructure.Observability;

namespace Platform.Infrastructure.Persistence.Metrics;

/// <summary>
/// Provider-neutral bulk metric writes through EF Core (used for SQL Server, whose provider batches the inserts):
/// points and latest values in one transaction, retried once if a concurrent batch created the same latest row.
/// </summary>
internal sealed class EfMetricWriter(PlatformDbContext db) : IMetricWriter
{
    public async Task WriteAsync(Guid runId, IReadOnlyList<MetricPoint> points, Guid? jobId, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("metrics.write");
        activity?.SetTag("platform.metric_points", points.Count);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await WriteOnceAsync(runId, points, jobId, cancellationToken);
                    return;
                }
                catch (Exception e) when (attempt == 1 && e is DbUpdateException or ConflictException)
                {
                    db.ChangeTracker.Clear();
                }
            }
        });
    }

    private async Task WriteOnceAsync(Guid runId, IReadOnlyList<MetricPoint> points, Guid? jobId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MetricPoints.AddRange(points.Select(p => StoredMetricPoint.From(runId, p, jobId)));
        var latest = LatestPoints.Of(points).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var keys = latest.Keys.ToArray();
        var existing = await db.LatestMetrics.Where(m => m.RunId == runId && keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, cancellationToken);
        foreach (var (key, point) in latest)
        {
            if (!existing.TryGetValue(key, out var row))
            {
                db.LatestMetrics.Add(LatestMetric.From(runId, point));
            }
            else if (LatestPoints.IsNewer(point, new MetricPoint(key, row.DecodedValue, row.Step, row.Timestamp)))
            {
                row.Update(point);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task ForgetJobPointsAndSaveAsync(Guid runId, Guid jobId, CancellationToken cancellationToken) =>
        JobPointsForgetting.ForgetAndSaveAsync(db, runId, jobId, cancellationToken);
}
