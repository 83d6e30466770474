using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Api;

namespace Platform.Benchmarks;

/// <summary>The real API (same composition as the Api process) on Kestrel, loopback, over a fresh SQLite file.</summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private const string Password = "benchmark-admin-password";
    private readonly WebApplication _app;

    private BenchmarkServer(WebApplication app, string dataDirectory, string url)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Url = url;
    }

    public string DataDirectory { get; }
    public string Url { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "platform.db");
    public IServiceProvider Services => _app.Services;

    public static async Task<BenchmarkServer> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "platform-bench", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:DataDirectory"] = data,
            ["Bootstrap:AdminPassword"] = Password,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPlatformApi();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        await app.Services.InitializePlatformAsync(CancellationToken.None);
        app.UsePlatformApi();
        app.MapPlatformApi();
        await app.StartAsync();
        return new BenchmarkServer(app, data, app.Urls.Single());
    }

    public async Task<HttpClient> AdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = Password }))
            .Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}

internal static class ApiCalls
{
    public static async Task<string> CreateAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode
            ? created!["id"]!.GetValue<string>()
            : throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {created}");
    }
}
