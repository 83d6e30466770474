using Mediator;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Jobs.Commands.RetryJob;

/// <summary>Queues a failed, cancelled or timed-out job again, with a fresh set of attempts.</summary>
[RequiresRole(Role.DataScientist | Role.Operator)]
public sealed record RetryJobCommand(Guid Id) : ICommand<JobDto>;

public sealed class RetryJobCommandHandler(IPlatformDbContext db, IOutbox outbox, ICurrentUser currentUser, TimeProvider clock, IJobNotifier notifier)
    : ICommandHandler<RetryJobCommand, JobDto>
{
    public async ValueTask<JobDto> Handle(RetryJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.LoadVisibleJobAsync(currentUser, command.Id, cancellationToken);
        var endedAt = job.FinishedAt;
        job.Retry(clock.GetUtcNow());
        outbox.Dispatch(job);
        await Runs.TrainingRunRecorder.RecordIfTrainingRetriedAsync(db, job, endedAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var dto = JobDto.From(job);
        await notifier.JobChangedAsync(dto, cancellationToken);
        return dto;
    }
}
