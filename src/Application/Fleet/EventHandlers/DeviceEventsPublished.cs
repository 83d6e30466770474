using Platform.Application.Common.Events;
using Platform.Application.Notifications;
using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.EventHandlers;

/// <summary>Tells SignalR and webhooks (<c>device.*</c>) what happened to a device, in the save that changed it.</summary>
internal sealed class DeviceEventsPublished(IPlatformDbContext db, ICurrentUser caller, TimeProvider clock) : IDomainEventHandler<DeviceChanged>
{
    public Task HandleAsync(DeviceChanged domainEvent, CancellationToken cancellationToken)
    {
        var device = domainEvent.Device;
        db.Publish(device, new DeviceEvent(device.Id, device.Name, device.Labels, device.State, domainEvent.Change, device.CredentialVersion, caller.Name), clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
