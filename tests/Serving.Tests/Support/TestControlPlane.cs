using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Api;

namespace Platform.Serving.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel on loopback) that speaks the control plane's side of <see cref="ServingControlPlaneApi"/>:
/// it serves <see cref="State"/> and model files, records the reports it receives, and refuses calls without its token.
/// </summary>
public sealed class TestControlPlane : IAsyncDisposable
{
    public const string Token = "pat_test-operator-token";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Workspace, string Model, int Version), byte[]> _files = new();

    private TestControlPlane(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    public ServingDesiredState State { get; set; } = new(0, []);

    public ConcurrentQueue<(string Endpoint, CanaryRollbackReport Report)> Rollbacks { get; } = new();

    public ConcurrentQueue<(string Endpoint, MonitoringReport Report)> Monitoring { get; } = new();

    public int Downloads;

    public int DesiredStateReads;

    /// <summary>Reads answered 304 because the host named the current version.</summary>
    public int NotModifiedAnswers;

    /// <summary>Answers the desired state with 500 while set.</summary>
    public bool FailDesiredState { get; set; }

    /// <summary>Answers this many rollback reports with 503 before taking one (the host must retry).</summary>
    public int RollbackFailuresToGive;

    /// <summary>Overrides what the file route sends (to test the hash check).</summary>
    public byte[]? CorruptFile { get; set; }

    public static async Task<TestControlPlane> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var plane = new TestControlPlane(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
        app.MapGet(ServingControlPlaneApi.DesiredState, (HttpContext context) =>
        {
            Interlocked.Increment(ref plane.DesiredStateReads);
            if (plane.FailDesiredState)
            {
                return Results.StatusCode(500);
            }

            // As the Api does: 304 while the host names the current version.
            var etag = ServingControlPlaneApi.StateETag(plane.State.Version);
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref plane.NotModifiedAnswers);
                return Results.StatusCode(304);
            }

            return Results.Json(plane.State, statusCode: 200);
        });
        // As the Api routes them: inside the deployment's workspace; what is queued names the served endpoint.
        app.MapGet("/api/v1/workspaces/{workspace}/models/{model}/versions/{version:int}/artifact", (string workspace, string model, int version) =>
        {
            Interlocked.Increment(ref plane.Downloads);
            return plane._files.TryGetValue((workspace, model, version), out var bytes) ? Results.Bytes(plane.CorruptFile ?? bytes, "application/octet-stream") : Results.NotFound();
        });
        app.MapPost("/api/v1/workspaces/{workspace}/deployments/{endpoint}/canary-rollbacks", (string workspace, string endpoint, CanaryRollbackReport report) =>
        {
            if (Interlocked.Decrement(ref plane.RollbackFailuresToGive) >= 0)
            {
                return Results.StatusCode(503);
            }

            plane.Rollbacks.Enqueue((ServingControlPlaneApi.EndpointName(workspace, endpoint), report));
            return Results.Ok();
        });
        app.MapPost("/api/v1/workspaces/{workspace}/deployments/{endpoint}/monitoring", (string workspace, string endpoint, MonitoringReport report) =>
        {
            plane.Monitoring.Enqueue((ServingControlPlaneApi.EndpointName(workspace, endpoint), report));
            return Results.Accepted();
        });
        await app.StartAsync();
        return plane;
    }

    /// <summary>Makes <paramref name="bytes"/> downloadable as (model, version) of <paramref name="workspace"/> and returns its SHA-256 as the state names it.</summary>
    public string AddFile(string model, int version, byte[] bytes, string workspace = ServingControlPlaneApi.DefaultWorkspace)
    {
        _files[(workspace, model, version)] = bytes;
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The configuration that points a serving host at this control plane.</summary>
    public Dictionary<string, string?> HostSettings(string modelCache) => new()
    {
        ["Serving:ControlPlane:ApiUrl"] = Url,
        ["Serving:ControlPlane:Token"] = Token,
        ["Serving:ControlPlane:PollSeconds"] = "0.1",
        ["Serving:ModelCache"] = modelCache,
    };

    /// <summary>Waits (up to a generous limit, not a timing assertion) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Gave up waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
