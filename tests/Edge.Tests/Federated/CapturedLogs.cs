using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// Every log entry the Api writes, at every level from Trace up, as text: the formatted message, each structured value
/// of its state, the scopes it was written in, and its exception. What a test searches to say what the logs hold.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // The entries outlive the Api (a restart starts another with the same provider); nothing to release.
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(category).Append(' ').Append(eventId.Name).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(Describe(value));
                }
            }

            logs._scopes.ForEachScope((scope, entry) => entry.Append(" | scope ").Append(Describe(scope)), text);
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            logs._entries.Enqueue((logLevel, text.ToString()));
        }

        /// <summary>A value as text; a collection (a scope's pairs, a parameter list) item by item, so that nothing hides behind its type name.</summary>
        private static string Describe(object? value) => value switch
        {
            null => "null",
            string s => s,
            byte[] bytes => Convert.ToBase64String(bytes),
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
            _ => value.ToString() ?? "",
        };
    }
}
