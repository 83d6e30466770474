namespace Platform.Application.Registry.Queries.GetModelVersion;

[RequiresRole(Permissions.Read)]
public sealed record GetModelVersionQuery(string Model, int Version) : IQuery<ModelVersionDto>;

public sealed class GetModelVersionQueryHandler(IPlatformDbContext db) : IQueryHandler<GetModelVersionQuery, ModelVersionDto>
{
    public async ValueTask<ModelVersionDto> Handle(GetModelVersionQuery query, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        return ModelVersionDto.From(model.Name, version, await db.TagsOfAsync(version.Id, cancellationToken));
    }
}
