using Microsoft.Extensions.Options;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.ExpireLeases;

/// <summary>
/// Run every second by the lease monitor: jobs whose lease ran out go back to the queue (or fail after their last
/// attempt), jobs past their timeout end TimedOut, queued jobs nobody claimed for a while are sent again, and held jobs
/// whose workspace has shares free are sent (a safety net: a job's end sends the next at once).
/// </summary>
[RequiresRole(Role.System)]
public sealed record ExpireLeasesCommand : ICommand<int>;

public sealed class ExpireLeasesCommandHandler(
    IPlatformDbContext db, IOutbox outbox, IJobTokenIssuer tickets, JobShares shares, TimeProvider clock, IOptions<JobOptions> options)
    : ICommandHandler<ExpireLeasesCommand, int>
{
    private static readonly TimeSpan TimeoutGrace = TimeSpan.FromSeconds(10);

    public async ValueTask<int> Handle(ExpireLeasesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var running = await db.Jobs.Where(j => j.State == JobState.Running).ToListAsync(cancellationToken);
        var changed = new List<Job>();
        foreach (var job in running)
        {
            if (job.TimeOutIfOverdue(now, TimeoutGrace))
            {
                outbox.Publish(new Contracts.Messages.Jobs.CancelJobRequested(job.Id));
                changed.Add(job);
            }
            else if (job.LeaseExpiresAt <= now)
            {
                if (job.ExpireLease(now))
                {
                    outbox.Dispatch(job, tickets);
                }

                changed.Add(job);
            }
        }

        var redispatchAfter = TimeSpan.FromSeconds(options.Value.RedispatchAfterSeconds);
        var unclaimedSince = now - redispatchAfter;
        var unclaimed = await db.Jobs.Where(j => j.State == JobState.Queued && j.WaitingFor == null && j.DispatchedAt <= unclaimedSince)
            .OrderBy(j => j.DispatchedAt).Take(500).ToListAsync(cancellationToken);
        foreach (var job in unclaimed.Where(j => j.RedispatchIfUnclaimed(now, redispatchAfter)))
        {
            outbox.Dispatch(job, tickets);
            changed.Add(job);
        }

        // The database still counts what this pass ended as running: it sends too few, never too many.
        var released = 0;
        var waiting = await db.Jobs.Where(j => j.State == JobState.Queued && j.WaitingFor != null).Select(j => j.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        foreach (var workspaceId in waiting)
        {
            released += await shares.ReleaseAsync(workspaceId, null, cancellationToken);
        }

        if (changed.Count + released > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed.Count + released;
    }
}
