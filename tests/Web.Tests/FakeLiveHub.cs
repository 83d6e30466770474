using System.Collections.Concurrent;
using Platform.Web.Api;

namespace Platform.Web.Tests;

/// <summary>
/// The hubs as a page sees them, without a server: what the page subscribed to is recorded, its handlers are kept by
/// method name, and a test pushes an event to them as the Api would.
/// </summary>
public sealed class FakeLiveConnections : ILiveConnections
{
    public FakeLiveHub JobsHub { get; } = new();

    public FakeLiveHub NotificationsHub { get; } = new();

    public ILiveHub Jobs() => JobsHub;

    public ILiveHub Notifications() => NotificationsHub;
}

public sealed class FakeLiveHub : ILiveHub
{
    private readonly ConcurrentDictionary<string, List<Func<object?[], Task>>> _handlers = new();
    private readonly Dictionary<string, Func<object?, object?>> _answers = [];

    /// <summary>Each hub method the page called, with its argument.</summary>
    public ConcurrentQueue<(string Method, object? Argument)> Invoked { get; } = new();

    public bool Started { get; private set; }

    /// <summary>What the hub answers <paramref name="method"/> with (a subscription that returns the current state).</summary>
    public FakeLiveHub Answer<T>(string method, Func<object?, T> answer)
    {
        _answers[method] = a => answer(a);
        return this;
    }

    /// <summary>Sends an event to the page's handlers of <paramref name="method"/>, as the server would; fails when the page has none.</summary>
    public async Task PushAsync(string method, params object?[] arguments)
    {
        Assert.True(_handlers.TryGetValue(method, out var handlers) && handlers.Count > 0, $"the page has no handler for '{method}'");
        foreach (var handler in handlers!.ToList())
        {
            await handler(arguments);
        }
    }

    public IDisposable On<T>(string method, Func<T, Task> handler) => Add(method, a => handler((T)a[0]!));

    public IDisposable On<T1, T2>(string method, Func<T1, T2, Task> handler) => Add(method, a => handler((T1)a[0]!, (T2)a[1]!));

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Started = true;
        return Task.CompletedTask;
    }

    public Task InvokeAsync(string method, object? argument = null, CancellationToken cancellationToken = default)
    {
        Invoked.Enqueue((method, argument));
        return Task.CompletedTask;
    }

    public Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default)
    {
        Invoked.Enqueue((method, argument));
        return _answers.TryGetValue(method, out var answer)
            ? Task.FromResult((T)answer(argument)!)
            : Task.FromException<T>(new HttpRequestException($"no answer set for hub method '{method}': as if the hub were unreachable"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Subscription Add(string method, Func<object?[], Task> handler)
    {
        var list = _handlers.GetOrAdd(method, _ => []);
        lock (list)
        {
            list.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (list)
            {
                list.Remove(handler);
            }
        });
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
