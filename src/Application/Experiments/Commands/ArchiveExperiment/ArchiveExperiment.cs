namespace Platform.Application.Experiments.Commands.ArchiveExperiment;

/// <summary>Archives an experiment (hidden from default lists, closed to new runs) or restores it.</summary>
[RequiresRole(Permissions.Track)]
public sealed record ArchiveExperimentCommand(Guid Id, bool Archive, int? ExpectedVersion) : ICommand<ExperimentDto>;

public sealed class ArchiveExperimentCommandHandler(IPlatformDbContext db, TimeProvider clock)
    : ICommandHandler<ArchiveExperimentCommand, ExperimentDto>
{
    public async ValueTask<ExperimentDto> Handle(ArchiveExperimentCommand command, CancellationToken cancellationToken)
    {
        var experiment = await db.LoadForUpdateAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (command.Archive)
        {
            experiment.Archive(clock.GetUtcNow());
        }
        else
        {
            experiment.Restore(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return ExperimentDto.From(experiment);
    }
}
