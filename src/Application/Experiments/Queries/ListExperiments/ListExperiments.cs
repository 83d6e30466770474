using Platform.Domain.Experiments;

namespace Platform.Application.Experiments.Queries.ListExperiments;

/// <summary>Which experiments a list shows.</summary>
public enum LifecycleFilter
{
    Active,
    Archived,
    All,
}

/// <summary>Experiments, newest first, each with its run count; <see cref="Name"/> filters by a part of the name.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListExperimentsQuery(string? Name, LifecycleFilter? Lifecycle, int? Limit, string? Cursor) : IQuery<Page<ExperimentSummaryDto>>;

public sealed class ListExperimentsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListExperimentsQuery, Page<ExperimentSummaryDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<ExperimentSummaryDto>> Handle(ListExperimentsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var experiments = db.Experiments.AsNoTracking();
        experiments = (query.Lifecycle ?? LifecycleFilter.Active) switch
        {
            LifecycleFilter.Active => experiments.Where(e => e.LifecycleStage == LifecycleStage.Active),
            LifecycleFilter.Archived => experiments.Where(e => e.LifecycleStage == LifecycleStage.Archived),
            _ => experiments,
        };

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            experiments = experiments.Where(e => e.Name.Contains(query.Name));
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            experiments = experiments.Where(e => e.Id.CompareTo(after.Id) < 0);
        }

        var page = await experiments.OrderByDescending(e => e.Id).ReadPageAsync(limit, e => new Position(e.Id), cancellationToken);
        var ids = page.Rows.Select(e => e.Id).ToList();
        var counts = await db.Runs.AsNoTracking().Where(r => ids.Contains(r.ExperimentId)).GroupBy(r => r.ExperimentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return page.Select(e => new ExperimentSummaryDto(ExperimentDto.From(e), counts.GetValueOrDefault(e.Id)));
    }
}
