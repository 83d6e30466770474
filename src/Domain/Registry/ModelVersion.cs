using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Registry;

/// <summary>
/// One immutable version of a registered model: the ONNX artefact by content hash, its input and output schema, where
/// it came from (<see cref="ModelLineage"/>), the metrics it was registered with, and its model card. Only its stage
/// moves (through governance).
/// </summary>
public sealed class ModelVersion : AggregateRoot, IWorkspaceOwned
{
    public const int MaxModelCardLength = 100_000;

    private ModelVersion()
    {
        ArtifactSha256 = string.Empty;
        InputSchemaJson = string.Empty;
        OutputSchemaJson = string.Empty;
        LineageJson = string.Empty;
        MetricsJson = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public Guid ModelId { get; private set; }
    public int Number { get; private set; }
    public string ArtifactSha256 { get; private set; }
    public long SizeBytes { get; private set; }
    public string InputSchemaJson { get; private set; }
    public string OutputSchemaJson { get; private set; }

    /// <summary>Run, experiment, source artefact path, dataset version and its hash, trainer, hyper-parameters, code version.</summary>
    public string LineageJson { get; private set; }

    public Guid? SourceRunId { get; private set; }

    /// <summary>The source run's latest metrics when the version was registered.</summary>
    public string MetricsJson { get; private set; }

    public string? ModelCard { get; private set; }
    public ModelStage Stage { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Moves the version to <paramref name="to"/> and says who, when and why. Staging and Production are entered only
    /// through an approved promotion request (<paramref name="requestId"/>); an archived version stays archived.
    /// </summary>
    public StageTransition ChangeStage(ModelStage to, string actor, string reason, Guid? requestId, DateTimeOffset now)
    {
        if (Stage == to || Stage == ModelStage.Archived)
        {
            throw new DomainException("model.stage", $"Version {Number} is {Stage}; it cannot move to {to}.");
        }

        if (to is ModelStage.Staging or ModelStage.Production && requestId is null)
        {
            throw new DomainException("model.stage-governed", $"{to} is entered only through an approved promotion request.");
        }

        var transition = StageTransition.Record(this, to, actor, reason, requestId, now);
        Stage = to;
        Raise(new ModelVersionStageChanged(this, transition));
        return transition;
    }

    internal static ModelVersion Create(
        RegisteredModel model, int number, ModelArtifact artifact, ModelLineage lineage, string metricsJson, string? modelCard, string createdBy, DateTimeOffset now)
    {
        if (modelCard is { Length: > MaxModelCardLength })
        {
            throw new DomainException("model.card-too-long", $"A model card holds at most {MaxModelCardLength} characters.");
        }

        var version = new ModelVersion
        {
            Id = Ids.New(),
            ModelId = model.Id,
            Number = number,
            ArtifactSha256 = artifact.Sha256,
            SizeBytes = artifact.SizeBytes,
            InputSchemaJson = artifact.InputSchemaJson,
            OutputSchemaJson = artifact.OutputSchemaJson,
            LineageJson = lineage.Json,
            SourceRunId = lineage.RunId,
            MetricsJson = metricsJson,
            ModelCard = modelCard,
            Stage = ModelStage.Development,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
        version.Raise(new ModelVersionRegistered(version));
        return version;
    }
}

/// <summary>Where a version stands: Development → Staging → Production → Archived.</summary>
public enum ModelStage
{
    Development,
    Staging,
    Production,
    Archived,
}

/// <summary>The artefact a version is made of: content hash and size, and the schema read from the ONNX file.</summary>
public sealed record ModelArtifact(string Sha256, long SizeBytes, string InputSchemaJson, string OutputSchemaJson);

/// <summary>A version's lineage as JSON, and the run it came from (indexed).</summary>
public sealed record ModelLineage(Guid? RunId, string Json);
