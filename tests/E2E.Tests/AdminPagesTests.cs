using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Platform.E2E.Tests;

/// <summary>
/// The Admin pages in a real browser: a personal access token is shown once, works against the Api with a plain
/// HttpClient, and answers 401 once revoked; the Admin pages are labelled and fit 1280x800 and 390x844.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AdminPagesTests(PortalHost host)
{
    [Fact]
    public async Task An_admin_creates_a_token_sees_it_once_uses_it_and_revokes_it()
    {
        var admin = await host.UserAsync("Admin");
        await using var context = await host.ContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin, PortalHost.Password);
        await page.GoAsync("/tokens");

        await page.FillAsync("#token-name", "e2e-ci");
        await page.GetByLabel("Viewer", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.Locator("#secret-value").InputValueAsync(new() { Timeout = 15_000 });
        Assert.StartsWith("plat_", secret);
        await page.ShotAsync("admin-token-created");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=token-prefix]")).ToHaveTextAsync(secret[..12] + "…");
        Assert.False(await ShowsAsync(page, secret), "the token is still on the page after its dialog closed");
        await page.GoAsync("/tokens");
        await Assertions.Expect(page.Locator("[data-testid=token-prefix]")).ToHaveCountAsync(1);
        Assert.False(await ShowsAsync(page, secret), "the token is shown again on the tokens page");

        using var integration = new HttpClient { BaseAddress = host.BaseAddress };
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await integration.GetFromJsonAsync<JsonObject>("/api/v1/users/me");
        Assert.Equal(["Viewer"], me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke e2e-ci" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=token-state]")).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await integration.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task Admin_pages_are_labelled_and_fit_1280x800_and_390x844()
    {
        var admin = await host.UserAsync("Admin");
        string webhook;
        using (var api = await host.ClientAsync(admin))
        {
            var created = await (await api.PostAsJsonAsync("/api/v1/webhooks", new { name = "ci-hook", url = "https://ci.example.com/hooks/platform-events" })).Content.ReadFromJsonAsync<JsonObject>();
            webhook = created!["subscription"]!["id"]!.GetValue<string>();
            (await api.PostAsJsonAsync("/api/v1/tokens", new { name = "nightly-export", roles = new[] { "Viewer" }, expiresInDays = 30 })).EnsureSuccessStatusCode();
            (await api.PutAsJsonAsync("/api/v1/approval-policies/Production", new
            {
                approverRoles = new[] { "Approver" }, requiredApprovals = 2, gateDataset = "breast-cancer", gateSplit = "test",
                gates = new[] { new { metric = "rocAuc", @operator = "AtLeast", threshold = 0.9 } },
                regressionLimits = new[] { new { metric = "rocAuc", maxRegression = 0.02, higherIsBetter = true } }, expiryHours = 72,
            })).EnsureSuccessStatusCode();
        }

        // Each page with what shows once its data has arrived (the circuit's websocket keeps the network busy, so "idle" says nothing).
        (string Path, string Loaded)[] pages =
        [
            ("/admin/users", $"td[data-label='User']:text-is('{admin}')"), ("/tokens", "[data-testid=token-prefix]"),
            ("/admin/policies", "#production-limit-0-metric"), ("/admin/webhooks", "td[data-label='Name']"),
            ($"/admin/webhooks/{webhook}", "h4:text('Deliveries of ci-hook')"),
        ];
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using var context = await host.ContextAsync(width, height);
            var page = await context.NewPageAsync();
            await page.SignInAsync(admin, PortalHost.Password);
            foreach (var (path, loaded) in pages)
            {
                await page.GoAsync(path);
                await page.Locator(loaded).First.WaitForAsync();
                await ExpandAsync(page);
                await page.AssertFitsAsync(path, width, height);
                await page.ShotAsync($"admin-{(path.Count(c => c == '/') > 2 ? "webhook-deliveries" : path.Split('/')[^1])}-{width}x{height}");
            }
        }
    }

    /// <summary>Opens the page's folded forms (create a user, subscribe a URL) so that their inputs are checked and shown too.</summary>
    private static async Task ExpandAsync(IPage page)
    {
        foreach (var header in await page.Locator(".mud-expand-panel-header").AllAsync())
        {
            await header.ClickAsync();
        }

        if (await page.Locator(".mud-expand-panel-header").CountAsync() > 0)
        {
            await page.Locator(".mud-expand-panel .mud-collapse-entered").First.WaitForAsync();
        }
    }

    /// <summary>Whether the text shows anywhere on the page: in its markup or in an input's value.</summary>
    private static async Task<bool> ShowsAsync(IPage page, string text) =>
        (await page.ContentAsync()).Contains(text, StringComparison.Ordinal)
        || await page.EvaluateAsync<bool>("t => [...document.querySelectorAll('input, textarea')].some(e => e.value.includes(t))", text);
}
