using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Workers.Api;

namespace Platform.Host.Tests.Workers;

/// <summary>
/// A worker whose Api is not listening yet (the embedded host restarting after a crash) waits for it instead of failing
/// the job it picked up with "connection refused": no job is taken before the Api answers, and a refused call is tried again.
/// </summary>
public sealed class ApiReachabilityTests
{
    private static readonly IHttpClientFactory Clients = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    [Fact]
    public async Task No_job_is_taken_before_the_api_answers()
    {
        var port = FreePort();
        var readiness = new ApiReadiness(Clients, new Address(port), new StartedLifetime(), NullLogger<ApiReadiness>.Instance);

        var ready = readiness.WaitAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(ready.IsCompleted, "the worker went on while nothing listened at the Api's address");

        await using var api = await StartApiAsync(port);
        await ready.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_call_refused_while_the_api_restarts_is_tried_again_until_it_answers()
    {
        var port = FreePort();
        var jobApi = new RestJobApi(Clients, new Address(port), "pjt_token", runId: null, NullLogger.Instance);

        var read = jobApi.ReadDatasetVersionAsync("iris", 1, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        await using var api = await StartApiAsync(port);

        var version = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("iris", version["name"]!.GetValue<string>());
    }

    private static async Task<WebApplication> StartApiAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/health/live", () => "Healthy");
        app.MapGet("/api/v1/datasets/{name}/versions/{version:int}", (string name, int version) => Results.Json(new { name, version }));
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Address(int port) : IApiAddress
    {
        public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");
    }

    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public StartedLifetime() => Started.Cancel();

        private CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
