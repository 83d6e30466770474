namespace Platform.Application.Registry.Queries.GetModelVersionArtifact;

/// <summary>A version's ONNX file (by its hash, so it never changes). Jobs read it to evaluate or serve the version.</summary>
[RequiresRole(Permissions.Read | Role.Job | Role.System)]
public sealed record GetModelVersionArtifactQuery(string Model, int Version) : IQuery<ModelVersionArtifact>, IReadableByJobs;

public sealed class GetModelVersionArtifactQueryHandler(IPlatformDbContext db, IArtifactStore store) : IQueryHandler<GetModelVersionArtifactQuery, ModelVersionArtifact>
{
    public async ValueTask<ModelVersionArtifact> Handle(GetModelVersionArtifactQuery query, CancellationToken cancellationToken)
    {
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        var content = store.OpenRead(version.ArtifactSha256) ?? throw new NotFoundException("Artefact content", version.ArtifactSha256);
        return new ModelVersionArtifact($"{model.Name}-v{version.Number}.onnx", version.ArtifactSha256, content);
    }
}
