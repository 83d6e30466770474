using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Web.Api;

/// <summary>
/// Connections from a page to the Api's hubs with the signed-in user's token: job progress (<c>/hubs/jobs</c>) and
/// notifications (<c>/hubs/notifications</c>), inside the circuit's workspace (<c>?workspace=</c>: its groups are per
/// workspace). Reconnects on its own; the page disposes it when it goes.
/// </summary>
public sealed class LiveConnections(IPortalApiAddress api, PortalSession session) : ILiveConnections
{
    public ILiveHub Jobs() => Build("hubs/jobs");

    public ILiveHub Notifications() => Build("hubs/notifications");

    private SignalRLiveHub Build(string path) => new(new HubConnectionBuilder()
        .WithUrl(new Uri(api.BaseAddress, $"{path}?workspace={Uri.EscapeDataString(session.Workspace)}"), o => o.AccessTokenProvider = () => Task.FromResult(session.User?.Token))
        .WithAutomaticReconnect()
        .Build());
}
