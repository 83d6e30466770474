namespace Platform.Application.Notifications;

/// <summary>
/// Live notifications to people watching (SignalR): the approvals inbox for promotion events, and the watchers of a
/// model for every event that names it. Called once per event after it is dispatched; best effort.
/// </summary>
public interface INotificationPush
{
    Task PushAsync(PlatformEventDto platformEvent, CancellationToken cancellationToken);
}
