using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Platform.E2E.Tests;

/// <summary>
/// The fleet pages in a real browser: an Operator makes an enrolment token and sees its secret once, with the agent's
/// command; a device enrols with it (its own P-256 key, through the Api as the agent would) and shows on the fleet page
/// and its own page; the fleet, device, token and rollout pages (the new-rollout form open) are labelled and fit 1280x800 and
/// 390x844; the Api's 400 about a wave lands beside that wave.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FleetPagesTests(PortalHost host)
{
    [Fact]
    public async Task An_operator_makes_an_enrolment_token_sees_it_once_a_device_enrols_with_it_and_the_fleet_pages_fit()
    {
        var operatorUser = await host.UserAsync("Operator");
        var device = "gw-e2e-" + Guid.NewGuid().ToString("N")[..6];
        await using var context = await host.ContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(operatorUser, PortalHost.Password);
        await page.GoAsync("/fleet/enrolment-tokens");

        await page.FillAsync("#token-name", device);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add label" }).ClickAsync();
        await page.Locator("[data-testid=label-row] input").Nth(0).FillAsync("region");
        await page.Locator("[data-testid=label-row] input").Nth(1).FillAsync("eu-west");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.Locator("#secret-value").InputValueAsync(new() { Timeout = 15_000 });
        Assert.StartsWith("pet_", secret);
        await Assertions.Expect(page.Locator("[data-testid=enrol-command-filled]")).ToContainTextAsync($"Edge__EnrolmentToken={secret} Edge__Name={device} ./platform-edge");
        await page.ShotAsync("fleet-token-created");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=token-prefix]").First).ToHaveTextAsync(secret[..12] + "…");
        Assert.False(await page.EvaluateAsync<bool>("s => document.documentElement.outerHTML.includes(s)", secret), "the secret is still on the page after its dialog closed");
        await page.GoAsync("/fleet/enrolment-tokens");
        Assert.False(await page.EvaluateAsync<bool>("s => document.documentElement.outerHTML.includes(s)", secret), "the secret is shown again");

        var deviceId = await EnrolAsync(secret, device);
        await page.GoAsync("/fleet");
        var row = page.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=device-link]:text-is('{device}')") });
        await Assertions.Expect(row.Locator("[data-testid=label-chip]")).ToHaveTextAsync(["region=eu-west"]);
        await page.GoAsync($"/fleet/devices/{deviceId}");
        await Assertions.Expect(page.Locator("[data-testid=device-state]")).ToHaveTextAsync("Provisioned");

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, ready, shot) in new[]
            {
                ("/fleet", "[data-testid=device-link]", "fleet"), ($"/fleet/devices/{deviceId}", "[data-testid=credential]", "fleet-device"),
                ("/fleet/enrolment-tokens", "[data-testid=token-prefix]", "fleet-tokens"),
                ("/fleet/rollouts", "[data-testid=empty-list], [data-testid=rollout-link]", "fleet-rollouts"),
            })
            {
                await page.GoAsync(path);
                await page.Locator(ready).First.WaitForAsync();
                await page.AssertFitsAsync(path, width, height);
                await page.ShotAsync($"{shot}-{width}x{height}");
            }

            await page.GetByText("New rollout", new() { Exact = true }).ClickAsync();
            await page.Locator(".mud-collapse-entered #rollout-model").WaitForAsync(); // the panel opened all the way (its animation ended)
            await page.AssertFitsAsync("/fleet/rollouts (new rollout)", width, height);
            await page.ShotAsync($"fleet-new-rollout-{width}x{height}");
        }

        // The Api's own 400 for a wave that is not above the one before lands beside that wave.
        await page.FillAsync("#rollout-model", "no-such-model");
        await page.FillAsync("#rollout-version", "1");
        await page.FillAsync("#wave-1", "0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start rollout" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=wave-row]").Nth(1)).ToContainTextAsync("waves are cumulative");
        await Assertions.Expect(page.Locator("[data-testid=new-rollout] [data-testid=inline-error]")).ToHaveTextAsync("The rollout was not started: see the fields marked.");
    }

    [Fact]
    public async Task An_approver_approves_a_rollout_awaiting_its_approval_on_its_page_and_it_starts()
    {
        var (model, site) = ("e2e-fleet-" + Guid.NewGuid().ToString("N")[..6], "e2e-" + Guid.NewGuid().ToString("N")[..6]);
        var approverUser = await host.UserAsync("Approver");
        using var scientist = await host.ClientAsync(await host.UserAsync("DataScientist"));
        using var approver = await host.ClientAsync(approverUser);
        using var operatorClient = await host.ClientAsync(await host.UserAsync("Operator"));
        var file = new ByteArrayContent(Platform.Api.Tests.Support.TinyOnnxModel.Bytes("x"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        (await scientist.PostAsync($"/api/v1/models/{model}/versions/upload", new MultipartFormDataContent { { file, "file", "model.onnx" } })).EnsureSuccessStatusCode();
        var promotion = await (await scientist.PostAsJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Staging", justification = "e2e" })).Content.ReadFromJsonAsync<JsonObject>();
        (await approver.PostAsJsonAsync($"/api/v1/promotions/{promotion!["id"]}/approve", new { comment = "ok" })).EnsureSuccessStatusCode();
        var token = await (await operatorClient.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens", new { name = "e2e", labels = new { site } })).Content.ReadFromJsonAsync<JsonObject>();
        await EnrolAsync(token!["secret"]!.GetValue<string>(), "gw-" + site);
        var started = await operatorClient.PostAsJsonAsync("/api/v1/fleet/rollouts", new
        {
            model, version = 1, environment = "Staging", selector = $"site={site}", waves = new[] { new { percent = 100 } }, requireApproval = true,
        });
        var rollout = await started.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(started.IsSuccessStatusCode, $"the rollout answered {(int)started.StatusCode}: {rollout}");

        await using var context = await host.ContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(approverUser, PortalHost.Password);
        await page.GoAsync($"/fleet/rollouts/{rollout!["id"]}");
        await Assertions.Expect(page.Locator("[data-testid=rollout-approval]")).ToContainTextAsync("Awaiting approval");
        await Assertions.Expect(page.Locator("[data-testid=rollout-state]")).ToHaveTextAsync("Awaiting approval");
        await page.AssertFitsAsync("/fleet/rollouts/{id} (awaiting approval)", 1280, 800);
        await page.ShotAsync("fleet-rollout-awaiting-approval");

        await page.FillAsync("#rollout-approval-comment", "checked the canary plan");
        await page.Locator("[data-testid=rollout-approval]").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=rollout-approval]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=rollout-approved]")).ToContainTextAsync($"by {approverUser}");
        await Assertions.Expect(page.Locator("[data-testid=rollout-state]")).Not.ToHaveTextAsync("Awaiting approval");
        await page.ShotAsync("fleet-rollout-approved");
    }

    /// <summary>Enrols as the edge agent does: the one-time token, a name, and the public half of a P-256 key made here; answers the device's id.</summary>
    private async Task<string> EnrolAsync(string secret, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(false).Q;
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/api/v1/fleet/enrol", new
        {
            token = secret, name, publicKey = new { kty = "EC", crv = "P-256", x = Base64Url(point.X!), y = Base64Url(point.Y!) },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"enrolment answered {(int)response.StatusCode}: {body}");
        return (body!["deviceId"] ?? body["id"])!.GetValue<string>();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
