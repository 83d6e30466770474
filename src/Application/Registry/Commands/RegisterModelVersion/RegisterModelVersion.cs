using System.Text.Json;
using Platform.Application.Artifacts;
using Platform.Application.Datasets.Queries.GetDatasetVersion;
using Platform.Domain.Registry;
using Platform.Domain.Runs;

namespace Platform.Application.Registry.Commands.RegisterModelVersion;

/// <summary>
/// Registers the next version of a model (created on first use) from a run's ONNX artefact: the artefact by its hash,
/// the schema read from the file, the lineage (run, experiment, the training job's dataset version and its hash,
/// trainer and hyper-parameters, code version; for a federation's run, its <see cref="FederatedLineage"/>) and the
/// run's latest metrics.
/// </summary>
[RequiresRole(Permissions.Track)]
public sealed record RegisterModelVersionCommand(string Model, Guid RunId, string? ArtifactPath, string? ModelCard, string? CodeVersion)
    : ICommand<ModelVersionDto>;

public sealed class RegisterModelVersionCommandValidator : AbstractValidator<RegisterModelVersionCommand>
{
    public RegisterModelVersionCommandValidator()
    {
        RuleFor(c => c.Model).ValidDatasetName().WithName("model");
        RuleFor(c => c.ModelCard).MaximumLength(ModelVersion.MaxModelCardLength);
        RuleFor(c => c.CodeVersion).MaximumLength(200);
    }
}

public sealed class RegisterModelVersionCommandHandler(
    IPlatformDbContext db, IArtifactStore store, IModelInspector inspector, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RegisterModelVersionCommand, ModelVersionDto>
{
    public async ValueTask<ModelVersionDto> Handle(RegisterModelVersionCommand command, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RunId, cancellationToken)
            ?? throw new NotFoundException("Run", command.RunId);
        var path = ArtifactPathRules.Normalize(command.ArtifactPath ?? "model.onnx");
        var artifact = await db.Artifacts.AsNoTracking().SingleOrDefaultAsync(a => a.RunId == run.Id && a.Path == path, cancellationToken)
            ?? throw new NotFoundException("Artefact", $"{path} of run {run.Id}");
        var schema = ModelVersionRegistration.Inspect(store, inspector, artifact.Sha256, "artifactPath");
        var lineage = await LineageAsync(run, path, schema, command.CodeVersion, cancellationToken);
        var metrics = await db.LatestMetrics.AsNoTracking().Where(m => m.RunId == run.Id && m.Special == MetricSpecial.Finite)
            .ToDictionaryAsync(m => m.Key, m => m.Value, cancellationToken);
        return await new ModelVersionRegistration(db, user, clock).AddAsync(
            command.Model, new ModelArtifact(artifact.Sha256, artifact.SizeBytes, Json(schema.Inputs), Json(schema.Outputs)),
            new ModelLineage(run.Id, Json(lineage)), Json(metrics), command.ModelCard, cancellationToken);
    }

    private async Task<Dictionary<string, object?>> LineageAsync(Run run, string path, ModelInterface schema, string? codeVersion, CancellationToken ct)
    {
        var lineage = new Dictionary<string, object?>
        {
            ["runId"] = run.Id,
            ["experimentId"] = run.ExperimentId,
            ["artifactPath"] = path,
            ["codeVersion"] = codeVersion,
            ["trainer"] = schema.Metadata.GetValueOrDefault("trainer"),
            ["hyperparameters"] = schema.Metadata.TryGetValue("hyperparameters", out var h) ? JsonSerializer.Deserialize<JsonElement>(h) : null,
            ["labelColumn"] = schema.Metadata.GetValueOrDefault("label_column"),
        };
        var training = await db.Jobs.AsNoTracking()
            .Where(j => j.RunId == run.Id && j.Kind == Domain.Jobs.JobKind.Train && j.State == Domain.Jobs.JobState.Succeeded)
            .OrderByDescending(j => j.FinishedAt).FirstOrDefaultAsync(ct);
        if (training is not null && Contracts.Messages.Jobs.TrainJobParameters.Read(training.ParametersJson).Value is { Dataset: { } name } p)
        {
            var dataset = await db.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(d => d.Name == name && d.Version == p.DatasetVersion, ct);
            lineage["trainingJobId"] = training.Id;
            lineage["dataset"] = new { name, version = p.DatasetVersion, sha256 = dataset?.Sha256 };
            lineage["trainer"] ??= p.Trainer;
            lineage["seed"] = p.Seed;
        }

        if (await FederatedLineage.OfRunAsync(db, run.Id, ct) is { } federated)
        {
            lineage["federated"] = federated;
        }

        return lineage;
    }

    private static string Json(object value) => ModelVersionRegistration.Json(value);
}
