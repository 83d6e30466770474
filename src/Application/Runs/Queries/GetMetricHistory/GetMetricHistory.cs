using Platform.Domain.Runs;

namespace Platform.Application.Runs.Queries.GetMetricHistory;

/// <summary>
/// Every point of one metric of a run, in step order (then timestamp, then arrival). Pages are larger than for
/// other collections: up to <see cref="MaxLimit"/> points, <see cref="DefaultLimit"/> unless asked.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record GetMetricHistoryQuery(Guid RunId, string Key, int? Limit, string? Cursor) : IQuery<Page<MetricPointDto>>
{
    public const int DefaultLimit = 10_000;
    public const int MaxLimit = 25_000;
}

public sealed class GetMetricHistoryQueryHandler(IPlatformDbContext db) : IQueryHandler<GetMetricHistoryQuery, Page<MetricPointDto>>
{
    private sealed record Position(long Step, long Timestamp, long Id);

    public async ValueTask<Page<MetricPointDto>> Handle(GetMetricHistoryQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureRunExistsAsync(query.RunId, cancellationToken);
        var limit = query.Limit ?? GetMetricHistoryQuery.DefaultLimit;
        var points = db.MetricPoints.AsNoTracking().Where(p => p.RunId == query.RunId && p.Key == query.Key);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            points = points.Where(p => p.Step > after.Step
                || (p.Step == after.Step && (p.Timestamp > after.Timestamp || (p.Timestamp == after.Timestamp && p.Id > after.Id))));
        }

        var rows = await points.OrderBy(p => p.Step).ThenBy(p => p.Timestamp).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Value, p.Special, p.Step, p.Timestamp })
            .ReadPageAsync(limit, r => new Position(r.Step, r.Timestamp, r.Id), cancellationToken);
        return rows.Select(r => new MetricPointDto(MetricValue.Decode(r.Value, r.Special), r.Step, r.Timestamp));
    }
}
