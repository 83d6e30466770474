namespace Platform.Application.Artifacts.Queries.GetArtifact;

/// <summary>Opens an artefact for streaming download. The caller disposes <see cref="ArtifactContent.Content"/>.</summary>
[RequiresRole(Permissions.Read | Role.Job)]
public sealed record GetArtifactQuery(Guid RunId, string Path) : IQuery<ArtifactContent>, IRunScoped;

public sealed record ArtifactContent(ArtifactDto Artifact, Stream Content);

public sealed class GetArtifactQueryHandler(IPlatformDbContext db, IArtifactStore store) : IQueryHandler<GetArtifactQuery, ArtifactContent>
{
    public async ValueTask<ArtifactContent> Handle(GetArtifactQuery query, CancellationToken cancellationToken)
    {
        var path = ArtifactPathRules.Normalize(query.Path);
        var artifact = await db.Artifacts.AsNoTracking()
            .Where(a => a.RunId == query.RunId && a.Path == path)
            .Select(a => new ArtifactDto(a.Path, a.Sha256, a.SizeBytes, a.CreatedBy, a.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Artifact", path);
        var content = store.OpenRead(artifact.Sha256)
            ?? throw new InvalidOperationException($"The store has lost the content of artifact {path} ({artifact.Sha256}).");
        return new ArtifactContent(artifact, content);
    }
}
