using Mediator;
using Microsoft.AspNetCore.SignalR;
using Platform.Application.Notifications;
using Platform.Application.Notifications.Queries.WatchApprovals;
using Platform.Application.Registry;
using Platform.Application.Registry.Queries.ListModelVersions;

namespace Platform.Api.Hubs;

/// <summary>
/// Live registry and governance events: the approvals inbox (promotion events, for Approvers and Admins) and the
/// events of one model (for anyone who may read it). Subscriptions are checked by application queries, as in
/// <see cref="JobsHub"/>, so a client receives only what it may read.
/// </summary>
public sealed class NotificationsHub(ISender sender) : Hub<INotificationsClient>
{
    public const string Path = "/hubs/notifications";
    public const string ApprovalsGroup = "approvals";

    public static string ModelGroup(string model) => "model:" + model;

    /// <summary>Starts receiving promotion requests and their decisions; fails for a caller who may not approve.</summary>
    public async Task SubscribeToApprovals()
    {
        await HubGuard.Guarded(() => sender.Send(new WatchApprovalsQuery(), Context.ConnectionAborted).AsTask());
        await Groups.AddToGroupAsync(Context.ConnectionId, ApprovalsGroup, Context.ConnectionAborted);
    }

    public Task UnsubscribeFromApprovals() => Groups.RemoveFromGroupAsync(Context.ConnectionId, ApprovalsGroup);

    /// <summary>Starts receiving every event about a model (new versions, promotions, stage changes); fails for an unknown model.</summary>
    public async Task SubscribeToModel(string name)
    {
        await HubGuard.Guarded(() => sender.Send(new ListModelVersionsQuery(name, 1, null), Context.ConnectionAborted).AsTask());
        await Groups.AddToGroupAsync(Context.ConnectionId, ModelGroup(name), Context.ConnectionAborted);
    }

    public Task UnsubscribeFromModel(string name) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ModelGroup(name));
}

/// <summary>What the notifications hub pushes to clients.</summary>
public interface INotificationsClient
{
    Task Notification(PlatformEventDto platformEvent);
}
