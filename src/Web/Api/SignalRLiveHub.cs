using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Web.Api;

/// <summary>The <see cref="ILiveHub"/> over a real SignalR connection.</summary>
public sealed class SignalRLiveHub(HubConnection connection) : ILiveHub
{
    public IDisposable On<T>(string method, Func<T, Task> handler) => connection.On(method, handler);

    public IDisposable On<T1, T2>(string method, Func<T1, T2, Task> handler) => connection.On(method, handler);

    public Task StartAsync(CancellationToken cancellationToken = default) => connection.StartAsync(cancellationToken);

    public Task InvokeAsync(string method, object? argument = null, CancellationToken cancellationToken = default) => argument is null
        ? connection.InvokeAsync(method, cancellationToken)
        : connection.InvokeAsync(method, argument, cancellationToken);

    public Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default) => argument is null
        ? connection.InvokeAsync<T>(method, cancellationToken)
        : connection.InvokeAsync<T>(method, argument, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
