using Mediator;
using Microsoft.AspNetCore.SignalR;
using Platform.Application.Common.Interfaces;
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
public sealed class NotificationsHub(ISender sender, IWorkspaceScope workspace) : Hub<INotificationsClient>
{
    public const string Path = "/hubs/notifications";
    public static string ApprovalsGroup(Guid workspaceId) => "approvals:" + workspaceId;

    public static string ModelGroup(Guid workspaceId, string model) => "model:" + workspaceId + ":" + model;

    /// <summary>Starts receiving promotion requests and their decisions; fails for a caller who may not approve.</summary>
    public async Task SubscribeToApprovals()
    {
        await HubGuard.Guarded(() => sender.Send(new WatchApprovalsQuery(), Context.ConnectionAborted).AsTask());
        await JoinAsync("approvals", ApprovalsGroup(Entered));
    }

    public Task UnsubscribeFromApprovals() => LeaveAsync("approvals");

    /// <summary>Starts receiving every event about a model (new versions, promotions, stage changes); fails for an unknown model.</summary>
    public async Task SubscribeToModel(string name)
    {
        await HubGuard.Guarded(() => sender.Send(new ListModelVersionsQuery(name, 1, null), Context.ConnectionAborted).AsTask());
        await JoinAsync("model:" + name, ModelGroup(Entered, name));
    }

    public Task UnsubscribeFromModel(string name) => LeaveAsync("model:" + name);

    /// <summary>The workspace the subscription's check entered.</summary>
    private Guid Entered => workspace.WorkspaceId ?? throw new InvalidOperationException("The subscription's check entered no workspace.");

    /// <summary>Joins a workspace's group, remembered by what was subscribed to: leaving it needs no check.</summary>
    private Task JoinAsync(string subscription, string group)
    {
        Context.Items[subscription] = group;
        return Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
    }

    private Task LeaveAsync(string subscription) =>
        Context.Items.Remove(subscription, out var group) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, (string)group!) : Task.CompletedTask;
}

/// <summary>What the notifications hub pushes to clients.</summary>
public interface INotificationsClient
{
    Task Notification(PlatformEventDto platformEvent);
}
