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
        var ids = new List<Guid>(limit);
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
            var page = await withMetric.ReadPageAsync(limit, x => new MetricPosition(false, x.Value, x.Id), cancellationToken);
            ids.AddRange(page.Rows.Select(x => x.Id));
            if (page.NextCursor is not null)
            {
                return (ids, page.NextCursor);
            }

            after = null; // every run with the metric is shown: those without it follow
        }

        var remaining = limit - ids.Count;
        var lacking = runs.Where(r => !db.LatestMetrics.Any(m => m.RunId == r.Id && m.Key == order.Key && m.Special != MetricSpecial.NaN));
        if (after is not null)
        {
            lacking = lacking.Where(r => r.Id.CompareTo(after.Id) > 0);
        }

        if (remaining == 0)
        {
            // The page ended exactly at the last run with the metric: the next begins with the first run without it.
            return (ids, await lacking.AnyAsync(cancellationToken) ? Cursor.Encode(new MetricPosition(true, 0, Guid.Empty)) : null);
        }

        var more = await lacking.OrderBy(r => r.Id).Select(r => r.Id).ReadPageAsync(remaining, id => new MetricPosition(true, 0, id), cancellationToken);
        ids.AddRange(more.Rows);
        return (ids, more.NextCursor);
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
        var page = await runs.Select(r => new { r.Id, r.StartTime }).ReadPageAsync(limit, r => new TimePosition(r.StartTime, r.Id), cancellationToken);
        return ([.. page.Rows.Select(r => r.Id)], page.NextCursor);
    }
}
