using Platform.Domain.Runs;

namespace Platform.Application.Runs;

/// <summary>Reads whole runs (params, tags, latest metrics) for a set of ids in four queries, whatever the count.</summary>
internal static class RunReader
{
    public static async Task<IReadOnlyList<RunDto>> ReadRunsAsync(
        this IPlatformDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var runs = await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.ExperimentId, r.Name, r.Status, r.StartTime, r.EndTime, r.CreatedBy, r.Version })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var parameters = (await db.RunParams.AsNoTracking().Where(p => ids.Contains(p.RunId))
            .Select(p => new { p.RunId, p.Key, p.Value }).ToListAsync(cancellationToken)).ToLookup(p => p.RunId);
        var tags = (await db.RunTags.AsNoTracking().Where(t => ids.Contains(t.RunId))
            .Select(t => new { t.RunId, t.Key, t.Value }).ToListAsync(cancellationToken)).ToLookup(t => t.RunId);
        var metrics = (await db.LatestMetrics.AsNoTracking().Where(m => ids.Contains(m.RunId))
            .Select(m => new { m.RunId, m.Key, m.Value, m.Special, m.Step, m.Timestamp }).ToListAsync(cancellationToken)).ToLookup(m => m.RunId);

        return ids.Where(runs.ContainsKey).Select(id =>
        {
            var r = runs[id];
            return new RunDto(
                r.Id, r.ExperimentId, r.Name, r.Status, r.StartTime, r.EndTime, r.CreatedBy,
                parameters[id].OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
                tags[id].OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value),
                metrics[id].OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => new LatestMetricDto(m.Key, MetricValue.Decode(m.Value, m.Special), m.Step, m.Timestamp)).ToList(),
                r.Version);
        }).ToList();
    }

    public static async Task<RunDto> ReadRunAsync(this IPlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await db.ReadRunsAsync([id], cancellationToken)).SingleOrDefault()
        ?? throw new Common.Exceptions.NotFoundException("Run", id);
}
