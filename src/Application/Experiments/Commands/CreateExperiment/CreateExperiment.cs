using Platform.Domain.Experiments;

namespace Platform.Application.Experiments.Commands.CreateExperiment;

[RequiresRole(Permissions.Track)]
public sealed record CreateExperimentCommand(string Name, string? Description) : ICommand<ExperimentDto>;

public sealed class CreateExperimentCommandHandler(IPlatformDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateExperimentCommand, ExperimentDto>
{
    public async ValueTask<ExperimentDto> Handle(CreateExperimentCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureNameFreeAsync(command.Name, null, cancellationToken);
        var experiment = Experiment.Create(command.Name, command.Description, currentUser.Name, clock.GetUtcNow());
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(cancellationToken);
        return ExperimentDto.From(experiment);
    }
}
