using Microsoft.Extensions.Options;
using Platform.Contracts.Messages.Jobs;
using Platform.Application.Runs;
using Platform.Domain.Datasets;
using Platform.Domain.Jobs;
using Platform.Domain.Runs;

namespace Platform.Application.Jobs.Commands.SubmitJob;

/// <summary>Queues a job: the row and its message commit together (outbox), so neither is lost without the other.</summary>
[RequiresRole(Role.DataScientist | Role.Operator)]
public sealed record SubmitJobCommand(
    JobKind Kind, HardwareClass HardwareClass, string? ParametersJson, Guid? RunId, int? TimeoutSeconds, int? MaxAttempts) : ICommand<JobDto>;

public sealed class SubmitJobCommandHandler(
    IPlatformDbContext db, JobShares shares, ICurrentUser currentUser, TimeProvider clock, IOptions<JobOptions> options, IHyperparameterRules hyperparameters)
    : ICommandHandler<SubmitJobCommand, JobDto>
{
    public async ValueTask<JobDto> Handle(SubmitJobCommand command, CancellationToken cancellationToken)
    {
        if (command.RunId is { } runId && !await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            throw new NotFoundException("Run", runId);
        }

        if (command.Kind == JobKind.Train)
        {
            await SetTrainingParamsAsync(command, cancellationToken);
        }

        if (DatasetOf(command) is var (name, version))
        {
            var profile = await db.DatasetVersions.AsNoTracking().Where(d => d.Name == name && d.Version == version)
                .Select(d => new { d.ProfileJson, d.SplitJson, d.Status, d.Problem }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Dataset version", $"{name} v{version}");
            if (DatasetVersion.NotUsable(name, version, profile.Status, profile.Problem) is { } notUsable)
            {
                throw new ConflictException("dataset.not-ready", notUsable);
            }

            TrainingColumns.CheckLabel(command, name, version, profile.ProfileJson, profile.SplitJson);
        }

        if (command.Kind == JobKind.Evaluate && EvaluateJobParameters.Read(command.ParametersJson!).Value is { Model: { } model } evaluate
            && !await db.ModelVersions.AnyAsync(
                v => v.Number == evaluate.ModelVersion && db.RegisteredModels.Any(m => m.Id == v.ModelId && m.Name == model), cancellationToken))
        {
            throw new NotFoundException("Model version", $"{model} v{evaluate.ModelVersion}");
        }

        var job = Job.Submit(
            command.Kind, command.HardwareClass, command.ParametersJson ?? "{}", command.RunId, currentUser.Name, currentUser.UserId,
            command.TimeoutSeconds ?? options.Value.DefaultTimeoutSeconds, command.MaxAttempts ?? options.Value.DefaultMaxAttempts,
            clock.GetUtcNow());
        db.Jobs.Add(job);
        await shares.AdmitAsync(job, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return JobDto.From(job);
    }

    /// <summary>
    /// A Train job's run holds its training: a run that ended is refused (a new training gets a new run), and the
    /// trainer and hyper-parameters become the run's params (a different value than one set already is 409).
    /// </summary>
    private async Task SetTrainingParamsAsync(SubmitJobCommand command, CancellationToken cancellationToken)
    {
        var run = await db.LoadRunForUpdateAsync(command.RunId!.Value, null, cancellationToken);
        if (run.Status.IsTerminal())
        {
            throw new ConflictException("run.ended", $"Run '{run.Name}' ended as {run.Status}; start a new run for another training.");
        }

        run.LogParams(TrainingRunParams.Of(TrainJobParameters.Read(command.ParametersJson!).Value!, hyperparameters));
    }

    /// <summary>The dataset version a Train or Evaluate job reads (its parameters were validated already).</summary>
    private static (string Name, int Version)? DatasetOf(SubmitJobCommand command) => command.Kind switch
    {
        JobKind.Train when TrainJobParameters.Read(command.ParametersJson!).Value is { Dataset: not null } p => (p.Dataset, p.DatasetVersion),
        JobKind.Evaluate when EvaluateJobParameters.Read(command.ParametersJson!).Value is { } p => (p.Dataset!, p.DatasetVersion),
        _ => null,
    };
}
