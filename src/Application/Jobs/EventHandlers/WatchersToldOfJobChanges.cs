using Platform.Application.Common.Events;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.EventHandlers;

/// <summary>Once a job's change is saved, the people watching the job and its run see it live (once per save, in its final state).</summary>
internal sealed class WatchersToldOfJobChanges(IJobNotifier notifier) : ISavedEventHandler<JobChanged>
{
    public Task HandleAsync(JobChanged domainEvent, CancellationToken cancellationToken) =>
        notifier.JobChangedAsync(JobDto.From(domainEvent.Job), cancellationToken);
}
