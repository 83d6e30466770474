using Platform.Application.Registry;

namespace Platform.Application.Fleet.Queries.GetDeviceModelFile;

/// <summary>
/// A model version's file for the calling device: only a version it should run now, or ran before a rollout (what a
/// rollback sends it back to). The content is addressed by its hash, so a cut download resumes with Range safely.
/// </summary>
[RequiresRole(Role.Device)]
public sealed record GetDeviceModelFileQuery(string Model, int Version) : IQuery<ModelVersionArtifact>;

public sealed class GetDeviceModelFileQueryHandler(IPlatformDbContext db, ICurrentUser caller, IArtifactStore store) : IQueryHandler<GetDeviceModelFileQuery, ModelVersionArtifact>
{
    public async ValueTask<ModelVersionArtifact> Handle(GetDeviceModelFileQuery query, CancellationToken cancellationToken)
    {
        var self = caller.Device ?? throw new ForbiddenAccessException("Only a device downloads its models here.");
        var (model, version) = await db.LoadVersionAsync(query.Model, query.Version, cancellationToken);
        var allowed = await db.DeviceAssignments.AnyAsync(a => a.DeviceId == self.DeviceId && a.ModelId == model.Id && a.Version == version.Number, cancellationToken)
            || await (from t in db.RolloutTargets
                      join r in db.Rollouts on t.RolloutId equals r.Id
                      where t.DeviceId == self.DeviceId && r.ModelId == model.Id && (t.PreviousVersion == version.Number || r.Version == version.Number)
                      select t.Id).AnyAsync(cancellationToken);
        if (!allowed)
        {
            throw new NotFoundException("Model version", $"{model.Name} v{version.Number} (this device is not sent it)");
        }

        var content = store.OpenRead(version.ArtifactSha256) ?? throw new NotFoundException("Artefact content", version.ArtifactSha256);
        return new ModelVersionArtifact($"{model.Name}-v{version.Number}.onnx", version.ArtifactSha256, content);
    }
}
