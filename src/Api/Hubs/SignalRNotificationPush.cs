using Microsoft.AspNetCore.SignalR;
using Platform.Application.Notifications;

namespace Platform.Api.Hubs;

/// <summary>Pushes an event to the approvals inbox (promotion events) and to its model's watchers (events that name a model).</summary>
internal sealed class SignalRNotificationPush(IHubContext<NotificationsHub, INotificationsClient> hub) : INotificationPush
{
    public async Task PushAsync(PlatformEventDto platformEvent, CancellationToken cancellationToken)
    {
        if (platformEvent.IsAboutPromotion)
        {
            await hub.Clients.Group(NotificationsHub.ApprovalsGroup).Notification(platformEvent);
        }

        if (platformEvent.Model is { } model)
        {
            await hub.Clients.Group(NotificationsHub.ModelGroup(model)).Notification(platformEvent);
        }
    }
}
