using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Platform.Host.Tests.Support;

namespace Platform.E2E.Tests;

/// <summary>
/// The product started as the README says (<c>dotnet run --project src/Host</c>, a child process in the Production
/// environment, a scratch working folder, a port of its own: nothing else configured), and a headless Debian chromium
/// driven by Playwright (never a downloaded browser). Screenshots go to <c>artifacts/screenshots</c> (git-ignored).
/// </summary>
public sealed class PortalHost : IAsyncLifetime
{
    public const string Password = "a-long-enough-password";
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    // Sign-in is rate limited per client address (30 a minute by default): each user signs in through the Api once.
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private ProductProcess? _product;
    private IPlaywright? _playwright;

    public Uri BaseAddress => _product!.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(ProductProcess.RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _product = await ProductProcess.RunAsync();
        Directory.CreateDirectory(Screenshots);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumFlags });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_product is not null)
        {
            await _product.DisposeAsync();
        }
    }

    /// <summary>A user with <paramref name="roles"/>, created through the Api by the first admin; answers the name.</summary>
    public async Task<string> UserAsync(params string[] roles)
    {
        using var admin = await ClientAsync("admin", _product!.AdminPassword());
        var name = roles[0].ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password = Password, roles })).EnsureSuccessStatusCode();
        return name;
    }

    /// <summary>An Api client signed in as <paramref name="user"/>, for arranging what the browser then works with.</summary>
    public async Task<HttpClient> ClientAsync(string user, string password = Password)
    {
        var token = await _tokens.GetOrAdd(user, _ => SignInAsync(user, password));
        var client = _product!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>What the product printed, for a failure message.</summary>
    public string ProductOutput => _product?.Output ?? "";

    private async Task<string> SignInAsync(string user, string password)
    {
        using var client = _product!.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
        var body = await JobRequests.ExpectAsync(response, 200);
        return body["accessToken"]!.GetValue<string>();
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
