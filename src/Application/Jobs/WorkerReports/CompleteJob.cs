using Mediator;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.WorkerReports;

/// <summary>The lease holder reports how the job ended; a report from a lost lease changes nothing.</summary>
[RequiresRole(Role.System)]
public sealed record CompleteJobCommand(Guid JobId, Guid LeaseId, JobState Outcome, string? Reason, string? ResultJson) : ICommand<bool>;

public sealed class CompleteJobCommandHandler(IPlatformDbContext db, TimeProvider clock, IJobNotifier notifier)
    : ICommandHandler<CompleteJobCommand, bool>
{
    public async ValueTask<bool> Handle(CompleteJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        if (job is null || !job.Complete(command.LeaseId, command.Outcome, command.Reason, command.ResultJson, clock.GetUtcNow()))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifier.JobChangedAsync(JobDto.From(job), cancellationToken);
        return true;
    }
}

/// <summary>A worker shutting down hands the job back; it is queued again without using up an attempt.</summary>
[RequiresRole(Role.System)]
public sealed record ReleaseJobCommand(Guid JobId, Guid LeaseId, string Reason) : ICommand<bool>;

public sealed class ReleaseJobCommandHandler(IPlatformDbContext db, IOutbox outbox, TimeProvider clock, IJobNotifier notifier)
    : ICommandHandler<ReleaseJobCommand, bool>
{
    public async ValueTask<bool> Handle(ReleaseJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        if (job is null || !job.Release(command.LeaseId, command.Reason, clock.GetUtcNow()))
        {
            return false;
        }

        if (job.State == JobState.Queued)
        {
            outbox.Dispatch(job);
        }
        await db.SaveChangesAsync(cancellationToken);
        await notifier.JobChangedAsync(JobDto.From(job), cancellationToken);
        return true;
    }
}

/// <summary>The job's message could not be processed (retries exhausted, poison): the job fails with the reason.</summary>
[RequiresRole(Role.System)]
public sealed record FailUndeliverableJobCommand(Guid JobId, string Reason) : ICommand<bool>;

public sealed class FailUndeliverableJobCommandHandler(IPlatformDbContext db, TimeProvider clock, IJobNotifier notifier)
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
        await notifier.JobChangedAsync(JobDto.From(job), cancellationToken);
        return true;
    }
}
