using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.CreateRun;

/// <summary>Starts a run in an active experiment, optionally with its first params and tags.</summary>
[RequiresRole(Permissions.Track)]
public sealed record CreateRunCommand(
    Guid ExperimentId, string? Name, DateTimeOffset? StartTime,
    IReadOnlyDictionary<string, string>? Params, IReadOnlyDictionary<string, string>? Tags) : ICommand<RunDto>;

public sealed class CreateRunCommandHandler(IPlatformDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateRunCommand, RunDto>
{
    public async ValueTask<RunDto> Handle(CreateRunCommand command, CancellationToken cancellationToken)
    {
        var experiment = await db.Experiments.FindAsync([command.ExperimentId], cancellationToken)
            ?? throw new NotFoundException("Experiment", command.ExperimentId);
        experiment.EnsureActive("start a run");

        var run = Run.Start(experiment.Id, command.Name, currentUser.Name, command.StartTime ?? clock.GetUtcNow());
        run.LogParams(command.Params ?? new Dictionary<string, string>());
        foreach (var (key, value) in command.Tags ?? new Dictionary<string, string>())
        {
            run.SetTag(key, value);
        }

        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadRunAsync(run.Id, cancellationToken);
    }
}
