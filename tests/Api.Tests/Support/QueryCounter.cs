using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Api.Tests.Support;

/// <summary>
/// Counts the SQL commands EF Core runs inside <see cref="CountAsync"/>'s flow only (not a background service's, not another
/// test's): the Api's test server must preserve the execution context, so that the request runs in the caller's flow.
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string CommandExecuted = RelationalEventId.CommandExecuted.Name!;
    private readonly AsyncLocal<StrongBox<int>?> _current = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public QueryCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>How many commands <paramref name="work"/> ran.</summary>
    public async Task<int> CountAsync(Func<Task> work)
    {
        var count = new StrongBox<int>();
        _current.Value = count;
        try
        {
            await work();
        }
        finally
        {
            _current.Value = null;
        }

        return count.Value;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == CommandExecuted));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted && _current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
