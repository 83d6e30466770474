namespace Platform.Application.Runs.Queries.SearchRuns;

/// <summary>
/// Runs of some experiments that match an MLflow-style filter, in the requested order, a page at a time.
/// Ordered by a metric, runs that lack it (or whose latest value is NaN) come after those that have it.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record SearchRunsQuery(IReadOnlyList<Guid> ExperimentIds, string? Filter, string? OrderBy, int? Limit, string? Cursor)
    : IQuery<Page<RunDto>>
{
    public const int MaxExperiments = 100;
}

public sealed class SearchRunsQueryHandler(IPlatformDbContext db) : IQueryHandler<SearchRunsQuery, Page<RunDto>>
{
    public async ValueTask<Page<RunDto>> Handle(SearchRunsQuery query, CancellationToken cancellationToken)
    {
        var clauses = Parse(() => RunFilterParser.ParseFilter(query.Filter), "filter");
        var order = Parse(() => RunFilterParser.ParseOrder(query.OrderBy), "orderBy");
        var experimentIds = query.ExperimentIds.Distinct().ToArray();
        var found = await db.Experiments.CountAsync(e => experimentIds.Contains(e.Id), cancellationToken);
        if (found != experimentIds.Length)
        {
            var known = await db.Experiments.Where(e => experimentIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
            throw new NotFoundException("Experiment", experimentIds.Except(known).First());
        }

        var runs = db.Runs.AsNoTracking().Where(r => experimentIds.Contains(r.ExperimentId)).Apply(db, clauses);
        var limit = PageLimits.Resolve(query.Limit);
        var (ids, next) = order.Entity == FilterEntity.Metric
            ? await RunPager.ByMetricAsync(db, runs, order, limit, query.Cursor, cancellationToken)
            : order.Key == RunAttributes.StartTime
            ? await RunPager.ByStartTimeAsync(runs, order.Descending, limit, query.Cursor, cancellationToken)
            : await RunAttributePager.ByNameOrStatusAsync(runs, order, limit, query.Cursor, cancellationToken);
        return new Page<RunDto>(await db.ReadRunsAsync(ids, cancellationToken), next);
    }

    private static T Parse<T>(Func<T> parse, string field)
    {
        try
        {
            return parse();
        }
        catch (RunFilterException e)
        {
            throw RequestValidationException.For(field, e.Message);
        }
    }
}
