using Platform.Domain.Registry;

namespace Platform.Application.Registry;

public sealed record ModelVersionArtifact(string FileName, string Sha256, Stream Content);

internal static class RegistryLookups
{
    public static async Task<RegisteredModel> LoadModelAsync(this IPlatformDbContext db, string name, CancellationToken cancellationToken) =>
        await db.RegisteredModels.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, cancellationToken)
        ?? throw new NotFoundException("Model", name);

    public static async Task<(RegisteredModel Model, ModelVersion Version)> LoadVersionAsync(
        this IPlatformDbContext db, string name, int number, CancellationToken cancellationToken)
    {
        var model = await db.LoadModelAsync(name, cancellationToken);
        var version = await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ModelId == model.Id && v.Number == number, cancellationToken)
            ?? throw new NotFoundException("Model version", $"{name} v{number}");
        return (model, version);
    }
}
