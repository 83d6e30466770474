using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;
using Platform.Infrastructure;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Support;

/// <summary>The application layer wired to the real infrastructure over a SQLite file of its own.</summary>
public class ApplicationFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "platform-app-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    public TestCurrentUser User { get; } = new();

    public RecordingJobNotifier Notifier { get; } = new();

    /// <summary>Configuration a derived fixture adds (for example job options).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Reads the database directly, in a scope of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<IPlatformDbContext, Task<T>> read)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IPlatformDbContext>());
    }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Platform:DataDirectory"] = _folder,
            ["Bootstrap:AdminPassword"] = "a-long-admin-password",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration);
        services.AddSingleton<ICurrentUser>(User);
        services.AddSingleton<IJobNotifier>(Notifier);
        _services = services.BuildServiceProvider();
        await _services.InitializeDatabaseAsync();
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, Role? as_ = null) =>
        await SendCoreAsync<TResponse>(request, as_);

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, Role? as_ = null) =>
        await SendCoreAsync<TResponse>(command, as_);

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, Role? as_ = null) =>
        await SendCoreAsync<TResponse>(query, as_);

    private async Task<TResponse> SendCoreAsync<TResponse>(object message, Role? role)
    {
        var previous = User.Roles;
        User.Roles = role ?? previous;
        try
        {
            await using var scope = _services!.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            return (TResponse)(await sender.Send(message))!;
        }
        finally
        {
            User.Roles = previous;
        }
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
