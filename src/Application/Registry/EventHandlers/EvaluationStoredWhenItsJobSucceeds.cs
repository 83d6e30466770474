using System.Text.Json.Nodes;
using Platform.Application.Common.Events;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;
using Platform.Domain.Registry;

namespace Platform.Application.Registry.EventHandlers;

/// <summary>
/// When an Evaluate job of a registered version succeeds, its report is stored with the version, in the same
/// transaction as the job's end. The Api decides what is recorded (the job's parameters, set by whoever submitted
/// it); the worker only supplies the figures.
/// </summary>
internal sealed class EvaluationStoredWhenItsJobSucceeds(IPlatformDbContext db) : IDomainEventHandler<JobEnded>
{
    public async Task HandleAsync(JobEnded domainEvent, CancellationToken cancellationToken)
    {
        var (job, now) = (domainEvent.Job, domainEvent.At);
        if (job is not { Kind: JobKind.Evaluate, State: JobState.Succeeded, ResultJson: { } result }
            || EvaluateJobParameters.Read(job.ParametersJson).Value is not { Model: { } name } p)
        {
            return;
        }

        var version = await db.ModelVersions
            .Where(v => v.Number == p.ModelVersion && db.RegisteredModels.Any(m => m.Id == v.ModelId && m.Name == name))
            .Select(v => new { v.Id }).SingleOrDefaultAsync(cancellationToken);
        var dataset = await db.DatasetVersions.Where(d => d.Name == p.Dataset && d.Version == p.DatasetVersion)
            .Select(d => new { d.Sha256 }).SingleOrDefaultAsync(cancellationToken);
        if (version is null || dataset is null || JsonNode.Parse(result) is not JsonObject { } outcome
            || outcome["metrics"] is not JsonObject metrics || outcome["report"] is not JsonObject report)
        {
            return;
        }

        db.ModelEvaluations.Add(ModelEvaluation.Record(
            version.Id, p.Dataset!, p.DatasetVersion, dataset.Sha256, p.Split, metrics.ToJsonString(), report.ToJsonString(), job.Id, now));
    }
}
