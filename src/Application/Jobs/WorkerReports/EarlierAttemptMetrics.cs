using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Jobs.WorkerReports;

/// <summary>
/// A new attempt of a job replaces the metric points its earlier attempts reported to the run (a killed attempt's
/// curve is not the run's), and each affected key's latest value is read again from what remains.
/// </summary>
public static class EarlierAttemptMetrics
{
    public static async Task ForgetAsync(IPlatformDbContext db, Job job, CancellationToken cancellationToken)
    {
        if (job.RunId is not { } runId)
        {
            return;
        }

        var earlier = db.MetricPoints.Where(p => p.RunId == runId && p.JobId == job.Id);
        var keys = await earlier.Select(p => p.Key).Distinct().ToListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            return;
        }

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

        await db.SaveChangesAsync(cancellationToken);
    }
}
