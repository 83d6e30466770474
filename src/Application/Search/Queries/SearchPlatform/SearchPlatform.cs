namespace Platform.Application.Search.Queries.SearchPlatform;

/// <summary>
/// The portal's global search: experiments, runs (by name), models and deployments whose name contains
/// <paramref name="Text"/>, at most <paramref name="Limit"/> of each kind (default 5), best first (an exact name, then
/// a name that starts with the text, then the rest by name).
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record SearchPlatformQuery(string Text, int? Limit) : IQuery<SearchResultsDto>;

/// <summary>One thing found: its kind (experiment, run, model, deployment), its id, its name and where it lives (a run's experiment).</summary>
public sealed record SearchHitDto(string Kind, Guid Id, string Name, string? Context);

/// <summary>What a search found, by kind; each list holds at most the limit asked for.</summary>
public sealed record SearchResultsDto(
    IReadOnlyList<SearchHitDto> Experiments, IReadOnlyList<SearchHitDto> Runs, IReadOnlyList<SearchHitDto> Models, IReadOnlyList<SearchHitDto> Deployments);

public sealed class SearchPlatformQueryHandler(IPlatformDbContext db) : IQueryHandler<SearchPlatformQuery, SearchResultsDto>
{
    public const int DefaultLimit = 5;

    public async ValueTask<SearchResultsDto> Handle(SearchPlatformQuery query, CancellationToken cancellationToken)
    {
        var (text, limit) = (query.Text.Trim(), query.Limit ?? DefaultLimit);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.Name.Contains(text))
            .OrderBy(e => e.Name == text ? 0 : e.Name.StartsWith(text) ? 1 : 2).ThenBy(e => e.Name).Take(limit)
            .Select(e => new SearchHitDto("experiment", e.Id, e.Name, null)).ToListAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().Where(r => r.Name.Contains(text))
            .Join(db.Experiments, r => r.ExperimentId, e => e.Id, (r, e) => new { r.Id, r.Name, Experiment = e.Name })
            .OrderBy(r => r.Name == text ? 0 : r.Name.StartsWith(text) ? 1 : 2).ThenBy(r => r.Name).Take(limit)
            .Select(r => new SearchHitDto("run", r.Id, r.Name, r.Experiment)).ToListAsync(cancellationToken);
        var models = await db.RegisteredModels.AsNoTracking().Where(m => m.Name.Contains(text))
            .OrderBy(m => m.Name == text ? 0 : m.Name.StartsWith(text) ? 1 : 2).ThenBy(m => m.Name).Take(limit)
            .Select(m => new SearchHitDto("model", m.Id, m.Name, null)).ToListAsync(cancellationToken);
        var deployments = await db.Deployments.AsNoTracking().Where(d => d.Name.Contains(text))
            .Join(db.RegisteredModels, d => d.ModelId, m => m.Id, (d, m) => new { d.Id, d.Name, Model = m.Name })
            .OrderBy(d => d.Name == text ? 0 : d.Name.StartsWith(text) ? 1 : 2).ThenBy(d => d.Name).Take(limit)
            .Select(d => new SearchHitDto("deployment", d.Id, d.Name, d.Model)).ToListAsync(cancellationToken);
        return new SearchResultsDto(experiments, runs, models, deployments);
    }
}
