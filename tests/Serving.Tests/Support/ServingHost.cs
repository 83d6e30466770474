using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Serving.State;

namespace Platform.Serving.Tests.Support;

/// <summary>The serving host as the Serving process composes it, on an in-memory test server, with a state applied.</summary>
public sealed class ServingHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    private readonly WebApplication _app;

    private ServingHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
        State = app.Services.GetRequiredService<IServingState>();
    }

    public HttpClient Client { get; }

    public IServingState State { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServingHost> StartAsync(
        DesiredServingState? state = null, int maxBatchSize = 64, double maxBatchDelayMilliseconds = 0, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serving:MaxBatchSize"] = maxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serving:MaxBatchDelayMilliseconds"] = maxBatchDelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serving:AdminKey"] = AdminKey,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddPlatformServing();
        var app = builder.Build();
        app.MapPlatformServing();
        await app.StartAsync();
        var host = new ServingHost(app);
        if (state is not null)
        {
            await host.State.ApplyAsync(state, CancellationToken.None);
        }

        return host;
    }

    /// <summary>One endpoint with the given (version, weight) pairs, each version on its own copy of the test model.</summary>
    public static DesiredServingState Endpoint(string name, params (string Version, int Weight)[] versions) => new()
    {
        Endpoints =
        [
            new EndpointSpec
            {
                Name = name,
                Versions = [.. versions.Select(v => new VersionSpec { Version = v.Version, ModelPath = TestModel.WriteCopy($"{name}-v{v.Version}"), Weight = v.Weight })],
            },
        ],
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
