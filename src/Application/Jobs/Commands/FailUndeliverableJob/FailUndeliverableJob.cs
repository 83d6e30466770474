namespace Platform.Application.Jobs.Commands.FailUndeliverableJob;

/// <summary>The job's message could not be processed (retries exhausted, poison): the job fails with the reason.</summary>
[RequiresRole(Role.System)]
public sealed record FailUndeliverableJobCommand(Guid JobId, string Reason) : ICommand<bool>;

public sealed class FailUndeliverableJobCommandHandler(IPlatformDbContext db, TimeProvider clock)
    : ICommandHandler<FailUndeliverableJobCommand, bool>
{
    public async ValueTask<bool> Handle(FailUndeliverableJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        if (job is null || !job.FailUndeliverable(command.Reason, clock.GetUtcNow()))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
