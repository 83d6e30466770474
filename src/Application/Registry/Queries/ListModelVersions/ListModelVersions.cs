namespace Platform.Application.Registry.Queries.ListModelVersions;

/// <summary>A model's versions, newest first. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelVersionsQuery(string Model, int? Limit, string? Cursor) : IQuery<Page<ModelVersionDto>>;

public sealed class ListModelVersionsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelVersionsQuery, Page<ModelVersionDto>>
{
    private sealed record VersionPosition(int Number);

    public async ValueTask<Page<ModelVersionDto>> Handle(ListModelVersionsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var model = await db.LoadModelAsync(query.Model, cancellationToken);
        var versions = db.ModelVersions.AsNoTracking().Where(v => v.ModelId == model.Id);
        if (Cursor.Decode<VersionPosition>(query.Cursor) is { } before)
        {
            versions = versions.Where(v => v.Number < before.Number);
        }

        var page = await versions.OrderByDescending(v => v.Number).ReadPageAsync(limit, v => new VersionPosition(v.Number), cancellationToken);
        return page.Select(v => ModelVersionDto.From(model.Name, v));
    }
}

public sealed class ListModelVersionsQueryValidator : AbstractValidator<ListModelVersionsQuery>
{
    public ListModelVersionsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}
