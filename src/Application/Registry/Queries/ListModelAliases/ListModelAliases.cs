namespace Platform.Application.Registry.Queries.ListModelAliases;

/// <summary>A model's aliases and the versions they point at (a model has a handful: not paged).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListModelAliasesQuery(string Model) : IQuery<IReadOnlyList<ModelAliasDto>>;

public sealed class ListModelAliasesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListModelAliasesQuery, IReadOnlyList<ModelAliasDto>>
{
    public async ValueTask<IReadOnlyList<ModelAliasDto>> Handle(ListModelAliasesQuery query, CancellationToken cancellationToken)
    {
        var model = await db.LoadModelAsync(query.Model, cancellationToken);
        var aliases = await db.ModelAliases.AsNoTracking().Where(a => a.ModelId == model.Id)
            .Join(db.ModelVersions, a => a.ModelVersionId, v => v.Id, (a, v) => new { a.Alias, v.Number, a.SetBy, a.SetAt })
            .ToListAsync(cancellationToken);
        return [.. aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).Select(a => new ModelAliasDto(model.Name, a.Alias, a.Number, a.SetBy, a.SetAt))];
    }
}
