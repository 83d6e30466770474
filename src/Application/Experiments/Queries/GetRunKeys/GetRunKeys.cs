using Platform.Domain.Runs;

namespace Platform.Application.Experiments.Queries.GetRunKeys;

/// <summary>
/// Every param, metric and tag key that some run of the experiment has, in ordinal order: the columns of its runs
/// table, which stay the same whatever filter narrows the rows. Each set is bounded by <see cref="MaxKeys"/>
/// (a table's columns are needed at once, so the set is not paged). Param and metric keys are read from the
/// experiment's key table (one range of its primary key), kept by the database as params and metrics are written;
/// tags, which can be deleted and are few, are still found among the runs' tags.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record GetRunKeysQuery(Guid ExperimentId) : IQuery<RunKeysDto>
{
    public const int MaxKeys = 1000;
}

/// <summary>The keys the runs of an experiment use; <see cref="Truncated"/> when a set held more than the bound.</summary>
public sealed record RunKeysDto(IReadOnlyList<string> Params, IReadOnlyList<string> Metrics, IReadOnlyList<string> Tags, bool Truncated);

public sealed class GetRunKeysQueryHandler(IPlatformDbContext db) : IQueryHandler<GetRunKeysQuery, RunKeysDto>
{
    public async ValueTask<RunKeysDto> Handle(GetRunKeysQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Experiments.AnyAsync(e => e.Id == query.ExperimentId, cancellationToken))
        {
            throw new NotFoundException("Experiment", query.ExperimentId);
        }

        var parameters = await Keys(query.ExperimentId, RunKeyKind.Param, cancellationToken);
        var metrics = await Keys(query.ExperimentId, RunKeyKind.Metric, cancellationToken);
        var runs = db.Runs.Where(r => r.ExperimentId == query.ExperimentId).Select(r => r.Id);
        var tags = await Distinct(db.RunTags.Where(t => runs.Contains(t.RunId)).Select(t => t.Key), cancellationToken);
        var truncated = parameters.Count > GetRunKeysQuery.MaxKeys || metrics.Count > GetRunKeysQuery.MaxKeys || tags.Count > GetRunKeysQuery.MaxKeys;
        return new RunKeysDto(Bounded(parameters), Bounded(metrics), Bounded(tags), truncated);
    }

    private Task<List<string>> Keys(Guid experimentId, RunKeyKind kind, CancellationToken cancellationToken) =>
        Bounded(db.RunKeys.AsNoTracking().Where(k => k.ExperimentId == experimentId && k.Kind == kind).Select(k => k.Key), cancellationToken);

    private static async Task<List<string>> Bounded(IQueryable<string> keys, CancellationToken cancellationToken) =>
        (await keys.OrderBy(k => k).Take(GetRunKeysQuery.MaxKeys + 1).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> Distinct(IQueryable<string> keys, CancellationToken cancellationToken) =>
        (await keys.Distinct().OrderBy(k => k).Take(GetRunKeysQuery.MaxKeys + 1).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> Bounded(List<string> keys) => keys.Take(GetRunKeysQuery.MaxKeys).ToList();
}
