using Platform.Domain.Experiments;

namespace Platform.Application.Experiments;

public record ExperimentDto(
    Guid Id, string Name, string? Description, LifecycleStage LifecycleStage, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ArchivedAt, int Version)
{
    public static ExperimentDto From(Experiment e) =>
        new(e.Id, e.Name, e.Description, e.LifecycleStage, e.CreatedBy, e.CreatedAt, e.UpdatedAt, e.ArchivedAt, e.Version);
}

/// <summary>An experiment in a list: the experiment and how many runs it holds.</summary>
public sealed record ExperimentSummaryDto : ExperimentDto
{
    public ExperimentSummaryDto(ExperimentDto experiment, int runCount)
        : base(experiment) => RunCount = runCount;

    public int RunCount { get; }
}
