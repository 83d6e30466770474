using System.Text.Json;
using Platform.Domain.Registry;

namespace Platform.Application.Registry;

/// <summary>
/// What registering a version does however the file came (a run's artefact or an upload): the model is created on
/// first use, the next version is added, and <c>model.version.created</c> is raised in the same save.
/// </summary>
internal sealed class ModelVersionRegistration(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<ModelVersionDto> AddAsync(
        string name, ModelArtifact artifact, ModelLineage lineage, string metricsJson, string? modelCard, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var model = await db.RegisteredModels.SingleOrDefaultAsync(m => m.Name == name, cancellationToken);
        if (model is null)
        {
            model = RegisteredModel.Create(name, null, user.Name, now);
            db.RegisteredModels.Add(model);
        }

        var version = model.RegisterVersion(artifact, lineage, metricsJson, modelCard, user.Name, now);
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return ModelVersionDto.From(model.Name, version);
    }

    /// <summary>Reads the stored file's schema; 400 naming <paramref name="field"/> when ONNX Runtime cannot load it.</summary>
    public static ModelInterface Inspect(IArtifactStore store, IModelInspector inspector, string sha256, string field)
    {
        using var content = store.OpenRead(sha256) ?? throw new NotFoundException("Artefact content", sha256);
        try
        {
            return inspector.Inspect(content);
        }
        catch (InvalidDataException e)
        {
            throw RequestValidationException.For(field, "is not an ONNX model ONNX Runtime can load: " + e.Message);
        }
    }

    public static string Json(object value) => JsonSerializer.Serialize(value, RegistryJson.Options);
}
