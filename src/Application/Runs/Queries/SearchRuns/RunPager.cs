using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Runs;

namespace Platform.Application.Runs.Queries.SearchRuns;

/// <summary>
/// Keyset paging over filtered runs. By metric it reads in two phases, so that each is one ordered index walk:
/// first the runs that have the metric (by value, then id), then those that lack it (by id).
/// </summary>
internal static class RunPager
{
    private sealed record MetricPosition(bool Missing, double Value, Guid Id);

    private sealed record TimePosition(DateTimeOffset StartTime, Guid Id);

    public static async Task<(IReadOnlyList<Guid> Ids, string? Next)> ByMetricAsync(
        IPlatformDbContext db, IQueryable<Run> runs, RunOrder order, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<MetricPosition>(cursor);
        var ids = new List<Guid>(limit + 1);
        var values = new List<double>(limit + 1);
        if (after is null || !after.Missing)
        {
            var withMetric = from m in db.LatestMetrics
                             where m.Key == order.Key && m.Special != MetricSpecial.NaN
                             join r in runs on m.RunId equals r.Id
                             select new { r.Id, m.Value };
            if (after is not null)
            {
                withMetric = order.Descending
                    ? withMetric.Where(x => x.Value < after.Value || (x.Value == after.Value && x.Id.CompareTo(after.Id) < 0))
                    : withMetric.Where(x => x.Value > after.Value || (x.Value == after.Value && x.Id.CompareTo(after.Id) > 0));
            }

            withMetric = order.Descending
                ? withMetric.OrderByDescending(x => x.Value).ThenByDescending(x => x.Id)
                : withMetric.OrderBy(x => x.Value).ThenBy(x => x.Id);
            foreach (var row in await withMetric.Take(limit + 1).ToListAsync(cancellationToken))
            {
                ids.Add(row.Id);
                values.Add(row.Value);
            }

            if (ids.Count > limit)
            {
                return (ids[..limit], Cursor.Encode(new MetricPosition(false, values[limit - 1], ids[limit - 1])));
            }

            after = null;
        }

        var remaining = limit - ids.Count;
        var lacking = runs.Where(r => !db.LatestMetrics.Any(m => m.RunId == r.Id && m.Key == order.Key && m.Special != MetricSpecial.NaN));
        if (after is not null)
        {
            lacking = lacking.Where(r => r.Id.CompareTo(after.Id) > 0);
        }

        var more = await lacking.OrderBy(r => r.Id).Select(r => r.Id).Take(remaining + 1).ToListAsync(cancellationToken);
        ids.AddRange(more.Take(remaining));
        var next = more.Count > remaining ? Cursor.Encode(new MetricPosition(true, 0, more[remaining - 1])) : null;
        return (ids, next);
    }

    public static async Task<(IReadOnlyList<Guid> Ids, string? Next)> ByStartTimeAsync(
        IQueryable<Run> runs, bool descending, int limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Cursor.Decode<TimePosition>(cursor) is { } after)
        {
            runs = descending
                ? runs.Where(r => r.StartTime < after.StartTime || (r.StartTime == after.StartTime && r.Id.CompareTo(after.Id) < 0))
                : runs.Where(r => r.StartTime > after.StartTime || (r.StartTime == after.StartTime && r.Id.CompareTo(after.Id) > 0));
        }

        runs = descending
            ? runs.OrderByDescending(r => r.StartTime).ThenByDescending(r => r.Id)
            : runs.OrderBy(r => r.StartTime).ThenBy(r => r.Id);
        var rows = await runs.Select(r => new { r.Id, r.StartTime }).Take(limit + 1).ToListAsync(cancellationToken);
        var next = rows.Count > limit ? Cursor.Encode(new TimePosition(rows[limit - 1].StartTime, rows[limit - 1].Id)) : null;
        return (rows.Take(limit).Select(r => r.Id).ToList(), next);
    }
}
