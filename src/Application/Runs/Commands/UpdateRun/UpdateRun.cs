using Platform.Domain.Runs;

namespace Platform.Application.Runs.Commands.UpdateRun;

/// <summary>Changes a run's status (ending it sets the end time, now unless given) and/or its name.</summary>
[RequiresRole(Permissions.Track)]
public sealed record UpdateRunCommand(Guid Id, RunStatus? Status, DateTimeOffset? EndTime, string? Name, int? ExpectedVersion) : ICommand<RunDto>;

public sealed class UpdateRunCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<UpdateRunCommand, RunDto>
{
    public async ValueTask<RunDto> Handle(UpdateRunCommand command, CancellationToken cancellationToken)
    {
        var run = await db.LoadRunForUpdateAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (command.Name is not null && command.Name != run.Name)
        {
            run.Rename(command.Name);
        }

        if (command.Status is not null || command.EndTime is not null)
        {
            run.ChangeStatus(command.Status ?? run.Status, command.EndTime, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadRunAsync(run.Id, cancellationToken);
    }
}
