using Microsoft.Extensions.Options;
using Platform.Application.Common.Auditing;
using Platform.Contracts.Api;

namespace Platform.Application.Jobs.Commands.RenewJobLease;

/// <summary>
/// The worker holding the job extends its lease (with the attempt's token) and learns whether cancellation was asked
/// for. Once the lease is lost the token itself stops working, so an answer is always about a live lease.
/// </summary>
[NotAudited]
[RequiresRole(Role.Job)]
public sealed record RenewJobLeaseCommand(Guid JobId) : ICommand<JobLeaseStatus>, IJobScoped;

public sealed class RenewJobLeaseCommandHandler(IPlatformDbContext db, TimeProvider clock, IOptions<JobOptions> options, ICurrentUser caller)
    : ICommandHandler<RenewJobLeaseCommand, JobLeaseStatus>
{
    public async ValueTask<JobLeaseStatus> Handle(RenewJobLeaseCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        var active = job is not null && job.RenewLease(caller.Job!.LeaseId, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        if (active)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new JobLeaseStatus(command.JobId, active, job?.CancelRequestedAt is not null);
    }
}
