using Microsoft.Extensions.Options;
using Platform.Contracts.Messages.Jobs;

namespace Platform.Application.Jobs.Commands.ClaimJob;

/// <summary>
/// A worker asks to run a job. Exactly one claim per queued attempt succeeds: a redelivered message, a second
/// worker or a cancelled job gets a refusal, so a job that succeeded never runs again. Sent over HTTP with the job
/// message's claim ticket (role <see cref="Role.JobClaim"/>, for that job only).
/// </summary>
[RequiresRole(Role.System | Role.JobClaim)]
public sealed record ClaimJobCommand(Guid JobId, string WorkerId) : ICommand<object>, IJobScoped;

public sealed class ClaimJobCommandValidator : AbstractValidator<ClaimJobCommand>
{
    public ClaimJobCommandValidator() =>
        RuleFor(c => c.WorkerId).NotEmpty().WithMessage("must name the worker").MaximumLength(200).WithMessage("must be at most 200 characters");
}

public sealed class ClaimJobCommandHandler(
    IPlatformDbContext db, TimeProvider clock, IOptions<JobOptions> options, IJobTokenIssuer tokens, IMetricWriter metrics)
    : ICommandHandler<ClaimJobCommand, object>
{
    public async ValueTask<object> Handle(ClaimJobCommand command, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
        if (job is null)
        {
            return new JobClaimRefused(command.JobId, "no such job");
        }

        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var previousLease = job.LeaseId;
        var (leaseId, refusal) = job.Claim(command.WorkerId, clock.GetUtcNow(), lease);
        if (leaseId is null)
        {
            return new JobClaimRefused(command.JobId, refusal!);
        }

        if (leaseId != previousLease && job.RunId is { } runId)
        {
            // A new attempt (not the same worker asking again) starts the run's curves afresh, in the claim's own transaction.
            await metrics.ForgetJobPointsAndSaveAsync(runId, job.Id, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new JobClaimed(job.Id, leaseId.Value, options.Value.LeaseSeconds, job.Attempts, tokens.Issue(job.Id, leaseId.Value));
    }
}
