using Platform.Application.Common.Events;
using Platform.Application.Notifications;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.EventHandlers;

/// <summary>Tells SignalR and webhooks (<c>rollout.*</c>) each step of a rollout, in the save that made it.</summary>
internal sealed class RolloutEventsPublished(IPlatformDbContext db, ICurrentUser caller, TimeProvider clock) : IDomainEventHandler<RolloutChanged>
{
    public Task HandleAsync(RolloutChanged domainEvent, CancellationToken cancellationToken)
    {
        var r = domainEvent.Rollout;
        db.Publish(r, new RolloutEvent(
            r.Id, r.Model, r.Version, r.Selector, r.State, domainEvent.Change, domainEvent.Wave + 1, r.Reason, r.TotalDevices, r.Assigned, caller.Name), clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
