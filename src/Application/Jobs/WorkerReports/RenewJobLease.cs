using Mediator;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Identity;

namespace Platform.Application.Jobs.WorkerReports;

/// <summary>Extends a running job's lease; tells the worker if the lease is lost or cancellation was asked for.</summary>
[RequiresRole(Role.System)]
public sealed record RenewJobLeaseCommand(Guid JobId, Guid LeaseId) : ICommand<JobLeaseStatus>;

public sealed class RenewJobLeaseCommandHandler(IPlatformDbContext db, TimeProvider clock, IOptions<JobOptions> options)
    : ICommandHandler<RenewJobLeaseCommand, JobLeaseStatus>
{
    public async ValueTask<JobLeaseStatus> Handle(RenewJobLeaseCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        var active = job is not null && job.RenewLease(command.LeaseId, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        if (active)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new JobLeaseStatus(command.JobId, active, job?.CancelRequestedAt is not null);
    }
}
