using Platform.Application.Common.Events;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.EventHandlers;

/// <summary>A job's end frees a share of its workspace: the workspace's oldest held job goes to the workers in the same save.</summary>
internal sealed class HeldJobsSentWhenOneEnds(JobShares shares) : IDomainEventHandler<JobEnded>
{
    public Task HandleAsync(JobEnded domainEvent, CancellationToken cancellationToken) =>
        shares.ReleaseAsync(domainEvent.Job.WorkspaceId, domainEvent.Job.Id, cancellationToken);
}
