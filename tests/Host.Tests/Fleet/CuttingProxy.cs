using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Host.Tests.Fleet;

/// <summary>
/// A weak link between the edge agent and the platform: a real HTTP proxy on loopback that forwards every request and
/// answer as it is, except that the first download of a model file is cut off (the connection aborted) after half of
/// its bytes. It records each model-file request's Range header, so a test sees the agent resume where it stopped.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private static readonly string[] RequestHeaders = ["Authorization", "If-None-Match", "Range", "Accept"];
    private static readonly string[] AnswerHeaders = ["ETag", "Content-Range", "Accept-Ranges", "Date", "Last-Modified"];
    private readonly WebApplication _app;
    private readonly HttpClient _platform;
    private int _cuts;

    private CuttingProxy(WebApplication app, HttpClient platform) => (_app, _platform) = (app, platform);

    public Uri Address => new(_app.Urls.First());

    /// <summary>Each model-file request in order: its Range header (null for a whole file) and the status the platform answered.</summary>
    public ConcurrentQueue<(string? Range, int Status)> FileRequests { get; } = new();

    public int Cuts => _cuts;

    public static async Task<CuttingProxy> StartAsync(Uri platform)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CuttingProxy(app, new HttpClient { BaseAddress = platform, Timeout = TimeSpan.FromSeconds(60) });
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        foreach (var name in RequestHeaders.Where(n => context.Request.Headers.ContainsKey(n)))
        {
            request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name].ToArray());
        }

        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? "application/json");
        }

        using var answer = await _platform.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var isFile = context.Request.Path.Value!.EndsWith("/file", StringComparison.Ordinal);
        if (isFile)
        {
            FileRequests.Enqueue((context.Request.Headers.Range.FirstOrDefault(), (int)answer.StatusCode));
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var name in AnswerHeaders)
        {
            if (answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        var bytes = await answer.Content.ReadAsByteArrayAsync();
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        if (isFile && answer.StatusCode == System.Net.HttpStatusCode.OK && Interlocked.Increment(ref _cuts) == 1)
        {
            // The link drops halfway through the first download: half the bytes arrive, then the connection is gone.
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            await Task.Delay(300); // let the half arrive before the connection is reset
            context.Abort();
            return;
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _platform.Dispose();
        await _app.DisposeAsync();
    }
}
