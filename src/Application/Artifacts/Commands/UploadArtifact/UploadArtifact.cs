using Platform.Domain.Artifacts;

namespace Platform.Application.Artifacts.Commands.UploadArtifact;

/// <summary>
/// Streams a file into the artefact store under a run-relative path (replacing what the path held).
/// The content is hashed while it streams; it is never held whole in memory.
/// </summary>
[RequiresRole(Permissions.Track | Role.Job)]
public sealed record UploadArtifactCommand(Guid RunId, string Path, Stream Content, long? ContentLength) : ICommand<ArtifactDto>, IRunScoped;

public sealed class UploadArtifactCommandHandler(
    IPlatformDbContext db, Workspaces.StorageQuota storage, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UploadArtifactCommand, ArtifactDto>
{
    public async ValueTask<ArtifactDto> Handle(UploadArtifactCommand command, CancellationToken cancellationToken)
    {
        var path = ArtifactPathRules.Normalize(command.Path);
        if (!await db.Runs.AnyAsync(r => r.Id == command.RunId, cancellationToken))
        {
            throw new NotFoundException("Run", command.RunId);
        }

        var artifact = await db.Artifacts.SingleOrDefaultAsync(a => a.RunId == command.RunId && a.Path == path, cancellationToken);
        var blob = await storage.SaveAsync(command.Content, command.ContentLength, cancellationToken, replacing: artifact?.SizeBytes ?? 0);
        var now = clock.GetUtcNow();
        if (artifact is null)
        {
            artifact = Artifact.Create(command.RunId, path, blob.Sha256, blob.SizeBytes, currentUser.Name, now);
            db.Artifacts.Add(artifact);
        }
        else
        {
            artifact.Replace(blob.Sha256, blob.SizeBytes, currentUser.Name, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ArtifactDto(artifact.Path, artifact.Sha256, artifact.SizeBytes, artifact.CreatedBy, artifact.CreatedAt);
    }
}
