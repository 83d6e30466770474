using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>A portal page that listens to one of the Api's hubs while it is shown; the connection goes with the page.</summary>
public abstract class LivePortalPage : PortalPage, IAsyncDisposable
{
    [Inject] protected ILiveConnections Live { get; set; } = null!;

    /// <summary>The page's hub connection, once it has opened one.</summary>
    protected ILiveHub? Hub { get; set; }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>What else the page stops when it goes (a timer), before its hub connection closes.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
