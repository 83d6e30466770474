using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.Host.Tests.Support;

namespace Platform.E2E.Tests;

/// <summary>
/// Issue 19's portal in a real browser: a data scientist opens New federation from an experiment's page, the Api's 400 about the
/// quorum lands beside the quorum field, and once fixed the federation is defined and its page shows it Waiting, with the reason
/// (no site has consented); the federations list links to it. The pages (and the experiment's, which links to them) are labelled and fit 1280x800 and 390x844.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FederatedPagesTests(PortalHost host)
{
    [Fact]
    public async Task A_data_scientist_defines_a_federation_through_the_form_and_its_page_shows_it_waiting_for_sites()
    {
        var scientist = await host.UserAsync("DataScientist");
        var experiment = "e2e-federated-" + Guid.NewGuid().ToString("N")[..6];
        string experimentId;
        using (var api = await host.ClientAsync(scientist))
        {
            experimentId = (await JobRequests.ExpectAsync(await api.PostAsJsonAsync("/api/v1/experiments", new { name = experiment }), 201))["id"]!.GetValue<string>();
        }

        await using var context = await host.ContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(scientist, PortalHost.Password);
        await page.GoAsync($"/experiments/{experimentId}");
        await page.Locator("[data-testid=experiment-new-federation]").ClickAsync();
        await page.WaitForURLAsync($"**/federated/new?experiment={experimentId}");
        await page.Locator("[data-interactive='1']").WaitForAsync();
        await Assertions.Expect(page.Locator("#fed-experiment")).ToHaveValueAsync(experiment);

        await page.FillAsync("#fed-name", "readmission-eu");
        await page.FillAsync("#fed-dataset", "clinic-visits");
        await page.FillAsync("#fed-label", "readmitted");
        await page.FillAsync("#fed-selector", "region=eu");
        await page.FillAsync("#fed-quorum", "5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start federation" }).ClickAsync();

        // The Api's own 400 (plan.quorum) beside the quorum field, not a toast alone.
        var quorum = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#fed-quorum") });
        await Assertions.Expect(quorum).ToContainTextAsync("must be 1 to the round's minimum of sites (2)");
        await Assertions.Expect(page.Locator("[data-testid=new-federation] [data-testid=inline-error]")).ToHaveTextAsync("The federation was not started: see the fields marked.");
        await page.AssertFitsAsync("/federated/new (quorum refused)", 1280, 800);
        await page.ShotAsync("federated-new-quorum-refused");

        await page.FillAsync("#fed-quorum", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start federation" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/federated/[0-9a-f-]{36}$"), new() { Timeout = 15_000 });
        var federationPath = new Uri(page.Url).AbsolutePath;

        await Assertions.Expect(page.Locator("[data-testid=federation-state]")).ToHaveTextAsync("Waiting");
        await Assertions.Expect(page.Locator("[data-testid=federation-reason]")).ToContainTextAsync("Waiting for");
        await Assertions.Expect(page.Locator("[data-testid=federation-rounds-done]")).ToHaveTextAsync("0 of 20 rounds done");
        await Assertions.Expect(page.Locator("[data-testid=plan-quorum] td")).ToHaveTextAsync("2 updates a round");
        await Assertions.Expect(page.Locator("[data-testid=plan-selector] td")).ToContainTextAsync("region=eu");
        await Assertions.Expect(page.Locator("[data-testid=federation-rounds] [data-testid=empty-list]")).ToHaveTextAsync("No round has opened yet.");
        await Assertions.Expect(page.Locator("[data-testid=federation-actions]")).ToContainTextAsync("Cancel federation");
        await page.ShotAsync("federated-waiting");

        await page.GoAsync("/federated");
        await page.Locator("[data-testid=federation-link]").Filter(new() { HasText = "readmission-eu" }).First.WaitForAsync();
        Assert.Equal(federationPath, await page.Locator("[data-testid=federation-link]").Filter(new() { HasText = "readmission-eu" }).First.GetAttributeAsync("href"));

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, ready, shot) in new[]
            {
                ("/federated", "[data-testid=federation-link]", "federated-list"), (federationPath, "[data-testid=federation-plan]", "federated-federation"),
                ($"/federated/new?experiment={experimentId}", "#fed-name", "federated-new"),
                ($"/experiments/{experimentId}", "[data-testid=experiment-new-federation]", "federated-experiment"),
            })
            {
                await page.GoAsync(path);
                await page.Locator(ready).First.WaitForAsync();
                await page.AssertFitsAsync(path, width, height);
                await page.ShotAsync($"{shot}-{width}x{height}");
            }
        }
    }
}
