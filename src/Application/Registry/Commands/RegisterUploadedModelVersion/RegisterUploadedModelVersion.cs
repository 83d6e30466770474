using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Domain.Registry;

namespace Platform.Application.Registry.Commands.RegisterUploadedModelVersion;

/// <summary>
/// Registers the next version of a model from an uploaded ONNX file (a model trained outside the platform): stored by
/// its hash, the schema read from it; the lineage says it was uploaded, by whom, and the code version if given.
/// </summary>
[RequiresRole(Permissions.Track)]
public sealed record RegisterUploadedModelVersionCommand(string Model, Stream Content, long? Length, string? FileName, string? ModelCard, string? CodeVersion)
    : ICommand<ModelVersionDto>;

public sealed class RegisterUploadedModelVersionCommandValidator : AbstractValidator<RegisterUploadedModelVersionCommand>
{
    public RegisterUploadedModelVersionCommandValidator()
    {
        RuleFor(c => c.Model).ValidDatasetName().WithName("model");
        RuleFor(c => c.ModelCard).MaximumLength(ModelVersion.MaxModelCardLength);
        RuleFor(c => c.CodeVersion).MaximumLength(200);
        RuleFor(c => c.FileName).MaximumLength(255);
    }
}

public sealed class RegisterUploadedModelVersionCommandHandler(
    IPlatformDbContext db, IArtifactStore store, Workspaces.StorageQuota storage, IModelInspector inspector, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RegisterUploadedModelVersionCommand, ModelVersionDto>
{
    public async ValueTask<ModelVersionDto> Handle(RegisterUploadedModelVersionCommand command, CancellationToken cancellationToken)
    {
        var blob = await storage.SaveAsync(command.Content, command.Length, cancellationToken);
        var schema = ModelVersionRegistration.Inspect(store, inspector, blob.Sha256, "file");
        var lineage = new Dictionary<string, object?>
        {
            ["source"] = "upload",
            ["fileName"] = command.FileName is { } name ? Path.GetFileName(name) : null,
            ["uploadedBy"] = user.Name,
            ["codeVersion"] = command.CodeVersion,
            ["trainer"] = schema.Metadata.GetValueOrDefault("trainer"),
        };
        var registration = new ModelVersionRegistration(db, user, clock);
        return await registration.AddAsync(
            command.Model, new ModelArtifact(blob.Sha256, blob.SizeBytes, ModelVersionRegistration.Json(schema.Inputs), ModelVersionRegistration.Json(schema.Outputs)),
            new ModelLineage(null, ModelVersionRegistration.Json(lineage)), "{}", command.ModelCard, cancellationToken);
    }
}
