namespace Platform.Application.Experiments.Commands.UpdateExperiment;

/// <summary>Renames an experiment and/or changes its description (PATCH: absent fields stay as they are).</summary>
[RequiresRole(Permissions.Track)]
public sealed record UpdateExperimentCommand(Guid Id, string? Name, string? Description, int? ExpectedVersion) : ICommand<ExperimentDto>;

public sealed class UpdateExperimentCommandHandler(IPlatformDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateExperimentCommand, ExperimentDto>
{
    public async ValueTask<ExperimentDto> Handle(UpdateExperimentCommand command, CancellationToken cancellationToken)
    {
        var experiment = await db.LoadForUpdateAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        if (command.Name is not null && command.Name != experiment.Name)
        {
            await db.EnsureNameFreeAsync(command.Name, experiment.Id, cancellationToken);
            experiment.Rename(command.Name, now);
        }

        if (command.Description is not null && command.Description != experiment.Description)
        {
            experiment.Describe(command.Description, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ExperimentDto.From(experiment);
    }
}
