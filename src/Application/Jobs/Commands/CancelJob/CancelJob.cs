using Platform.Contracts.Messages.Jobs;

namespace Platform.Application.Jobs.Commands.CancelJob;

/// <summary>Cancels a job: a queued one at once, a running one when its worker has stopped it (within about a second).</summary>
[RequiresRole(Role.DataScientist | Role.Operator)]
public sealed record CancelJobCommand(Guid Id) : ICommand<JobDto>;

public sealed class CancelJobCommandHandler(IPlatformDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CancelJobCommand, JobDto>
{
    public async ValueTask<JobDto> Handle(CancelJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.LoadVisibleJobAsync(currentUser, command.Id, cancellationToken);
        if (job.RequestCancel(currentUser.Name, clock.GetUtcNow()))
        {
            outbox.Publish(new CancelJobRequested(job.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return JobDto.From(job);
    }
}
