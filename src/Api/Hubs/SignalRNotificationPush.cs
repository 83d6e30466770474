using Microsoft.AspNetCore.SignalR;
using Platform.Application.Notifications;

namespace Platform.Api.Hubs;

/// <summary>Pushes an event to its workspace's approvals inbox (promotion events) and to its model's watchers (events that name a model).</summary>
internal sealed class SignalRNotificationPush(IHubContext<NotificationsHub, INotificationsClient> hub) : INotificationPush
{
    public async Task PushAsync(PlatformEventDto platformEvent, CancellationToken cancellationToken)
    {
        if (platformEvent.IsAboutPromotion)
        {
            await hub.Clients.Group(NotificationsHub.ApprovalsGroup(platformEvent.WorkspaceId)).Notification(platformEvent);
        }

        if (platformEvent.Model is { } model)
        {
            await hub.Clients.Group(NotificationsHub.ModelGroup(platformEvent.WorkspaceId, model)).Notification(platformEvent);
        }
    }
}
