using Platform.Application.Common.Auditing;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Application.Jobs.Commands.ApplyJobProgress;

/// <summary>
/// Stores the latest progress of several jobs at once and pushes it to their watchers. Fed by the progress
/// coalescer, so that a job reporting thousands of times a second costs a few writes a second.
/// </summary>
[NotAudited]
[RequiresRole(Role.System)]
public sealed record ApplyJobProgressCommand(IReadOnlyList<JobProgressed> Updates) : ICommand;

public sealed class ApplyJobProgressCommandHandler(IPlatformDbContext db) : ICommandHandler<ApplyJobProgressCommand>
{
    public async ValueTask<Unit> Handle(ApplyJobProgressCommand command, CancellationToken cancellationToken)
    {
        var ids = command.Updates.Select(u => u.JobId).Distinct().ToList();
        var jobs = await db.Jobs.Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        var changed = new List<Domain.Jobs.Job>();
        foreach (var update in command.Updates)
        {
            if (jobs.TryGetValue(update.JobId, out var job) && job.HoldsLease(update.LeaseId))
            {
                job.ReportProgress(update.LeaseId, update.Percent, update.Phase, update.Message, update.At);
                changed.Add(job);
            }
        }

        if (changed.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
