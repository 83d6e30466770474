using Platform.Domain.Experiments;

namespace Platform.Application.Experiments;

public sealed record ExperimentDto(
    Guid Id, string Name, string? Description, LifecycleStage LifecycleStage, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ArchivedAt, int Version)
{
    public static ExperimentDto From(Experiment e) =>
        new(e.Id, e.Name, e.Description, e.LifecycleStage, e.CreatedBy, e.CreatedAt, e.UpdatedAt, e.ArchivedAt, e.Version);
}
