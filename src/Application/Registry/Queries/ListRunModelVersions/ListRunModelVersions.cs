namespace Platform.Application.Registry.Queries.ListRunModelVersions;

/// <summary>The model versions registered from a run (its lineage forward), newest first; a run with none answers an empty page.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListRunModelVersionsQuery(Guid RunId) : IQuery<Page<RunModelVersionDto>>;

public sealed record RunModelVersionDto(string Model, int Version, string Stage, DateTimeOffset CreatedAt);

public sealed class ListRunModelVersionsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListRunModelVersionsQuery, Page<RunModelVersionDto>>
{
    /// <summary>A run is registered a handful of times at most; more than this is not a lineage anyone reads.</summary>
    private const int Cap = 100;

    public async ValueTask<Page<RunModelVersionDto>> Handle(ListRunModelVersionsQuery query, CancellationToken cancellationToken)
    {
        var versions = await (from v in db.ModelVersions.AsNoTracking()
                              where v.SourceRunId == query.RunId
                              join m in db.RegisteredModels.AsNoTracking() on v.ModelId equals m.Id
                              orderby v.Id descending // version 7 ids: newest first
                              select new { m.Name, v.Number, v.Stage, v.CreatedAt }).Take(Cap).ToListAsync(cancellationToken);
        return new Page<RunModelVersionDto>([.. versions.Select(v => new RunModelVersionDto(v.Name, v.Number, v.Stage.ToString(), v.CreatedAt))], null);
    }
}
