using Microsoft.EntityFrameworkCore;
using Platform.Domain.Runs;

namespace Platform.Infrastructure.Persistence.Metrics;

/// <summary>
/// Removes the metric points a job reported to a run and reads each affected key's latest value again from what
/// remains, in one transaction with whatever else the context has to save (the claim of the job's new attempt): all
/// of it commits, or none of it does and the claim is asked again.
/// </summary>
internal static class JobPointsForgetting
{
    public static Task ForgetAndSaveAsync(PlatformDbContext db, Guid runId, Guid jobId, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var earlier = db.MetricPoints.Where(p => p.RunId == runId && p.JobId == jobId);
            var keys = await earlier.Select(p => p.Key).Distinct().ToListAsync(cancellationToken);
            if (keys.Count > 0)
            {
                await earlier.ExecuteDeleteAsync(cancellationToken);
                await db.LatestMetrics.Where(m => m.RunId == runId && keys.Contains(m.Key)).ExecuteDeleteAsync(cancellationToken);
                foreach (var key in keys)
                {
                    var latest = await db.MetricPoints.AsNoTracking().Where(p => p.RunId == runId && p.Key == key)
                        .OrderByDescending(p => p.Step).ThenByDescending(p => p.Timestamp).FirstOrDefaultAsync(cancellationToken);
                    if (latest is not null)
                    {
                        db.LatestMetrics.Add(LatestMetric.From(runId, new MetricPoint(key, MetricValue.Decode(latest.Value, latest.Special), latest.Step, latest.Timestamp)));
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
}
