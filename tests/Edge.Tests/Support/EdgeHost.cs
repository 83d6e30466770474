using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Edge.Agent;
using Platform.Edge.Polling;
using Platform.Edge.Storage;
using Platform.Serving;
using Platform.Serving.Monitoring;
using Platform.Serving.State;

namespace Platform.Edge.Tests.Support;

/// <summary>
/// The agent composed as its Program does (real Serving, real ONNX Runtime) on a test server, with a manual clock and a
/// seeded random, and without its background loop: a test drives each round (<see cref="PollOnceAsync"/>) itself, so
/// nothing depends on timing. A new host on the same state directory is a restart.
/// </summary>
public sealed class EdgeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EdgeHost(WebApplication app, ManualClock clock)
    {
        _app = app;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public ManualClock Clock { get; }

    public HttpClient Client { get; }

    internal IServiceProvider Services => _app.Services;

    internal EdgeAgent Agent => Services.GetRequiredService<EdgeAgent>();

    internal ModelSwitcher Switcher => Services.GetRequiredService<ModelSwitcher>();

    internal AgentState State => Services.GetRequiredService<AgentStateStore>().Current;

    public FaultInjector Faults => Services.GetRequiredService<FaultInjector>();

    public static async Task<EdgeHost> StartAsync(Uri platform, string stateDirectory, ManualClock? clock = null, string? enrolmentToken = FakePlatform.EnrolmentToken,
        Action<IServiceCollection>? configure = null)
    {
        clock ??= new ManualClock();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:Platform"] = platform.ToString(),
            ["Edge:EnrolmentToken"] = enrolmentToken,
            ["Edge:Name"] = "edge-1",
            ["Edge:Labels:site"] = "plant-7",
            ["Edge:StateDirectory"] = stateDirectory,
            ["Serving:AllowFaultInjection"] = "true",
        });
        builder.AddEdgeAgent();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new PollSchedule(new Random(7)));
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EdgeAgent)));
        builder.Services.AddSingleton<EdgeAgent>();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPlatformServing();
        await app.StartAsync();
        return new EdgeHost(app, clock);
    }

    /// <summary>One round of the agent: enrol if needed, poll, apply, report.</summary>
    public Task PollOnceAsync() => Agent.PollOnceAsync(CancellationToken.None);

    /// <summary>Serves what the state directory holds, as the agent does first on every start.</summary>
    public Task RestoreAsync() => Switcher.RestoreAsync(CancellationToken.None);

    public Task<bool> CheckHealthAsync() => Switcher.CheckHealthAsync(CancellationToken.None);

    /// <summary>The version the model is served at, or null.</summary>
    public string? ServedVersion(string model) =>
        Services.GetRequiredService<IServingState>().Current.Endpoints.TryGetValue(model, out var endpoint) ? endpoint.Primary.Version : null;

    /// <summary>One Open Inference Protocol request to the model, as a local client makes it.</summary>
    public Task<HttpResponseMessage> InferAsync(string model, float value = 1.5f) =>
        Client.PostAsJsonAsync($"/v2/models/{model}/infer", new { inputs = new[] { new { name = "x", shape = new[] { 1 }, datatype = "FP32", data = new[] { value } } } });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A state directory of its own per test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("edge-tests").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a slow shutdown: the temp folder is the OS's to clean.
        }
    }
}
