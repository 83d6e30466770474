using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Host;
using Platform.Workers.Executors;

namespace Platform.E2E.Tests;

/// <summary>
/// The embedded host (Api, portal, in-process worker) on a loopback port, and a headless Debian chromium driven by
/// Playwright (never a downloaded browser). Screenshots go to <c>artifacts/screenshots</c> (git-ignored).
/// </summary>
public sealed class PortalHost : IAsyncLifetime
{
    public const string Password = "a-long-enough-password";
    private const string AdminPassword = "portal-admin-password";
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "platform-e2e", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<EmbeddedHost>? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The in-process worker's train executor, which a test may hold at its start.</summary>
    public TrainingGate Training { get; private set; } = null!;

    public static string Screenshots { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts", "screenshots"));

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<EmbeddedHost>().WithWebHostBuilder(b => b
            .UseSetting("Platform:DataDirectory", _data)
            .UseSetting("urls", "http://127.0.0.1:0")
            .UseSetting("Bootstrap:AdminPassword", AdminPassword)
            .UseSetting("RateLimits:TokenRequestsPerMinute", "100000")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .ConfigureTestServices(GateTraining));
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.CreateClient().BaseAddress!;
        Directory.CreateDirectory(Screenshots);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumFlags });
    }

    private void GateTraining(IServiceCollection services)
    {
        var train = services.Single(d => d.ServiceType == typeof(IJobExecutor) && d.ImplementationInstance is IJobExecutor { Kind: "train" });
        services.Remove(train);
        services.AddSingleton<IJobExecutor>(Training = new TrainingGate((IJobExecutor)train.ImplementationInstance!));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        _factory?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A user with <paramref name="roles"/>, created through the Api by the first admin; answers the name.</summary>
    public async Task<string> UserAsync(params string[] roles)
    {
        using var admin = await ClientAsync("admin", AdminPassword);
        var name = roles[0].ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password = Password, roles })).EnsureSuccessStatusCode();
        return name;
    }

    /// <summary>An Api client signed in as <paramref name="user"/>, for arranging what the browser then works with.</summary>
    public async Task<HttpClient> ClientAsync(string user, string password = Password)
    {
        var client = _factory!.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password })).Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return client;
    }

    /// <summary>A fresh browser context (its own session storage) at the given viewport.</summary>
    public Task<IBrowserContext> ContextAsync(int width = 1280, int height = 800) =>
        Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalHost>
{
    public const string Name = "Portal";
}
