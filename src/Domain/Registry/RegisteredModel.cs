using Platform.Domain.Workspaces;
using Platform.Domain.Common;

namespace Platform.Domain.Registry;

/// <summary>A named model in the registry; its versions count up from 1 (<see cref="RegisterVersion"/>).</summary>
public sealed class RegisteredModel : IWorkspaceOwned
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;

    private RegisteredModel()
    {
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public int LatestVersion { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two versions registered at once cannot get the same number.</summary>
    public int ConcurrencyVersion { get; private set; }

    public static RegisteredModel Create(string name, string? description, string createdBy, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        Name = name,
        Description = description,
        CreatedBy = createdBy,
        CreatedAt = now,
        ConcurrencyVersion = 1,
    };

    /// <summary>The next version, immutable from here on: the artefact (by hash), its schema, lineage and metrics.</summary>
    public ModelVersion RegisterVersion(ModelArtifact artifact, ModelLineage lineage, string metricsJson, string? modelCard, string createdBy, DateTimeOffset now)
    {
        var version = ModelVersion.Create(this, LatestVersion + 1, artifact, lineage, metricsJson, modelCard, createdBy, now);
        LatestVersion = version.Number;
        ConcurrencyVersion++;
        return version;
    }

    /// <summary>
    /// Marks a change of its versions' stages, so two promotions of this model decided at once cannot both save (the
    /// second fails on <see cref="ConcurrencyVersion"/>) and leave two holders of one stage.
    /// </summary>
    public void StagesChanged() => ConcurrencyVersion++;

    /// <summary>Marks that a fleet rollout of it starts, so two started at once cannot both save (one rollout under way per model).</summary>
    public void RolloutStarted() => ConcurrencyVersion++;
}
