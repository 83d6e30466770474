using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Hosting;

/// <summary>An API started with no configured admin password generates one.</summary>
public sealed class GeneratedAdminFactory : ApiFactory
{
    public GeneratedAdminFactory() => With("Bootstrap:AdminPassword", "");

    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)));
    }
}

public sealed class FirstAdminTests(GeneratedAdminFactory factory) : IClassFixture<GeneratedAdminFactory>
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_generated_password_is_in_an_owner_only_file_works_and_never_reaches_the_logs()
    {
        using var _ = factory.CreateClient();
        var file = Path.Combine(factory.DataDirectory, "initial-admin-password.txt");
        Assert.True(File.Exists(file), "the password file is missing");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var password = File.ReadAllLines(file).Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
        Assert.True(password.Length >= 20, "generated password is too short");

        var token = await factory.TokenAsync(ApiFactory.AdminUser, password);
        Assert.NotEmpty(token);
        Assert.Contains(factory.Logs, l => l.Contains("initial-admin-password.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, l => l.Contains(password, StringComparison.Ordinal));
    }
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(sink);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(formatter(state, exception) + (state is IEnumerable<KeyValuePair<string, object?>> values
                ? " " + string.Join(" ", values.Select(v => v.Value)) : string.Empty));
    }
}
