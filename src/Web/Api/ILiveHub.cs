namespace Platform.Web.Api;

/// <summary>
/// A page's connection to one of the Api's hubs, as the page uses it: handlers by method name, start, and calls to the hub.
/// The port lets component tests push events without a server; <see cref="SignalRLiveHub"/> is the real one.
/// </summary>
public interface ILiveHub : IAsyncDisposable
{
    IDisposable On<T>(string method, Func<T, Task> handler);

    IDisposable On<T1, T2>(string method, Func<T1, T2, Task> handler);

    Task StartAsync(CancellationToken cancellationToken = default);

    Task InvokeAsync(string method, object? argument = null, CancellationToken cancellationToken = default);

    Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default);
}

/// <summary>Opens a page's hub connections: job progress and notifications.</summary>
public interface ILiveConnections
{
    ILiveHub Jobs();

    ILiveHub Notifications();
}
