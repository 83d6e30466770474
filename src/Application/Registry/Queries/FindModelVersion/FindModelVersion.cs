namespace Platform.Application.Registry.Queries.FindModelVersion;

/// <summary>
/// Which model and number a version's id stands for: records that name a version by id (the audit trail) are linked to
/// its page, which is addressed by model name and number.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record FindModelVersionQuery(Guid Id) : IQuery<ModelVersionLocationDto>;

public sealed record ModelVersionLocationDto(Guid Id, string Model, int Version);

public sealed class FindModelVersionQueryHandler(IPlatformDbContext db) : IQueryHandler<FindModelVersionQuery, ModelVersionLocationDto>
{
    public async ValueTask<ModelVersionLocationDto> Handle(FindModelVersionQuery query, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsNoTracking()
            .Where(v => v.Id == query.Id)
            .Join(db.RegisteredModels, v => v.ModelId, m => m.Id, (v, m) => new ModelVersionLocationDto(v.Id, m.Name, v.Number))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Model version", query.Id);
}
