using Platform.Domain.Registry;

namespace Platform.Application.Registry.Queries.ListModels;

/// <summary>Registered models by name, optionally those whose name contains <paramref name="Search"/>. Paged.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelsQuery(string? Search, int? Limit, string? Cursor) : IQuery<Page<ModelDto>>;

public sealed class ListModelsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelsQuery, Page<ModelDto>>
{
    public async ValueTask<Page<ModelDto>> Handle(ListModelsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var models = db.RegisteredModels.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Search))
        {
            models = models.Where(m => m.Name.Contains(query.Search));
        }

        if (Cursor.Decode<string>(query.Cursor) is { } after)
        {
            models = models.Where(m => string.Compare(m.Name, after) > 0);
        }

        var page = await models.OrderBy(m => m.Name).ReadPageAsync(limit, m => m.Name, cancellationToken);
        return page.Select(ModelDto.From);
    }
}

public sealed class ListModelsQueryValidator : AbstractValidator<ListModelsQuery>
{
    public ListModelsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Search).MaximumLength(RegisteredModel.MaxNameLength);
    }
}
