namespace Platform.Application.Jobs.Commands.RetryJob;

/// <summary>Queues a failed, cancelled or timed-out job again, with a fresh set of attempts.</summary>
[RequiresRole(Role.DataScientist | Role.Operator)]
public sealed record RetryJobCommand(Guid Id) : ICommand<JobDto>;

public sealed class RetryJobCommandHandler(IPlatformDbContext db, JobShares shares, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RetryJobCommand, JobDto>
{
    public async ValueTask<JobDto> Handle(RetryJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.LoadVisibleJobAsync(currentUser, command.Id, cancellationToken);
        job.Retry(clock.GetUtcNow());
        await shares.AdmitAsync(job, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return JobDto.From(job);
    }
}
