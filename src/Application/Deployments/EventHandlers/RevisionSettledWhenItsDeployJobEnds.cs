using Platform.Application.Common.Events;
using Platform.Domain.Deployments;
using Platform.Domain.Jobs;

namespace Platform.Application.Deployments.EventHandlers;

/// <summary>
/// When a Deploy job ends (reported by its worker, cancelled, timed out, out of attempts), the revision it validated
/// moves in the same transaction: Succeeded makes it Active with the job's figures (the active one Superseded); any
/// other end makes it Failed, and the traffic stays where it was. The revision is found by the job's id, so a Deploy
/// job submitted by hand changes no deployment.
/// </summary>
internal sealed class RevisionSettledWhenItsDeployJobEnds(IPlatformDbContext db) : IDomainEventHandler<JobEnded>
{
    public async Task HandleAsync(JobEnded domainEvent, CancellationToken cancellationToken)
    {
        var (job, now) = (domainEvent.Job, domainEvent.At);
        if (job.Kind != JobKind.Deploy || !job.State.IsFinal())
        {
            return;
        }

        var pending = await db.DeploymentRevisions
            .SingleOrDefaultAsync(r => r.DeployJobId == job.Id && r.State == RevisionState.Validating, cancellationToken);
        if (pending is null)
        {
            return;
        }

        var deployment = await db.Deployments.SingleAsync(d => d.Id == pending.DeploymentId, cancellationToken);
        if (job.State == JobState.Succeeded)
        {
            var active = await db.RevisionAsync(deployment.Id, deployment.ActiveRevision, cancellationToken);
            deployment.ValidationSucceeded(pending, active, job.ResultJson, now);
        }
        else
        {
            deployment.ValidationFailed(pending, $"Deploy job {job.Id} ended {job.State}: {job.Reason ?? "no reason given"}", job.ResultJson, now);
        }
    }
}
