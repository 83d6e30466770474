using Platform.Application.Datasets.Profiling;

namespace Platform.Application.Datasets.Queries.ListDatasetVersions;

/// <summary>Dataset versions by name, then newest version first; optionally one dataset's only. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListDatasetVersionsQuery(string? Name, int? Limit, string? Cursor) : IQuery<Page<DatasetVersionDto>>;

public sealed class ListDatasetVersionsQueryHandler(IPlatformDbContext db, IDatasetProfilingQueue profiling) : IQueryHandler<ListDatasetVersionsQuery, Page<DatasetVersionDto>>
{
    private sealed record Position(string Name, int Version);

    public async ValueTask<Page<DatasetVersionDto>> Handle(ListDatasetVersionsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var versions = db.DatasetVersions.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Name))
        {
            versions = versions.Where(v => v.Name == query.Name);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            versions = versions.Where(v => string.Compare(v.Name, after.Name) > 0 || (v.Name == after.Name && v.Version < after.Version));
        }

        var page = await versions.OrderBy(v => v.Name).ThenByDescending(v => v.Version).ReadPageAsync(limit, v => new Position(v.Name, v.Version), cancellationToken);
        return page.Select(v => DatasetVersionDto.From(v, withProfile: false, ProfiledFraction.Of(v, profiling)));
    }
}

public sealed class ListDatasetVersionsQueryValidator : AbstractValidator<ListDatasetVersionsQuery>
{
    public ListDatasetVersionsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Name).MaximumLength(Domain.Datasets.DatasetVersion.MaxNameLength);
    }
}
