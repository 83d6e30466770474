using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Platform.E2E.Tests;

/// <summary>
/// Issue 17's workspaces in the portal: an admin creates workspace <c>fraud</c>, the portal switches to it, an
/// experiment made there shows in <c>fraud</c> and not in <c>default</c>, and the choice survives a reload and a new sign-in.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WorkspacesJourneyTests(PortalHost host)
{
    private const string Experiment = "chargebacks";

    [Fact]
    public async Task An_admin_creates_fraud_works_in_it_and_the_choice_survives_a_reload()
    {
        var admin = await host.UserAsync("Admin");
        await using var context = await host.ContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin, PortalHost.Password);
        await CurrentAsync(page, "default");

        await page.GoAsync("/workspaces/new");
        await page.FillAsync("#workspace-name", "fraud");
        await page.FillAsync("#workspace-display-name", "Fraud team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create workspace" }).ClickAsync();
        await CurrentAsync(page, "fraud");

        await page.GoAsync("/experiments");
        await page.GetByRole(AriaRole.Button, new() { Name = "New experiment" }).ClickAsync();
        await page.FillAsync("#new-experiment-name", Experiment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create experiment" }).ClickAsync();
        await page.WaitForURLAsync("**/experiments/*");
        await page.GoAsync("/experiments");
        await Assertions.Expect(ExperimentRow(page)).ToHaveCountAsync(1);

        using (var api = await host.ClientAsync(admin))
        {
            Assert.Equal(1, await CountAsync(api, "/api/v1/workspaces/fraud/experiments"));
            Assert.Equal(0, await CountAsync(api, "/api/v1/workspaces/default/experiments"));
        }

        await page.ReloadAsync();
        await page.Locator("[data-interactive='1']").WaitForAsync();
        await CurrentAsync(page, "fraud");
        await Assertions.Expect(ExperimentRow(page)).ToHaveCountAsync(1);

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.SignInAsync(admin, PortalHost.Password);
        await CurrentAsync(page, "fraud");

        await page.Locator("[data-testid=current-workspace]").ClickAsync();
        await page.Locator("[data-testid=workspace-option][data-workspace=default]").ClickAsync();
        await CurrentAsync(page, "default");
        await page.GoAsync("/experiments");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Nothing here yet");
        await Assertions.Expect(ExperimentRow(page)).ToHaveCountAsync(0);
    }

    private static ILocator ExperimentRow(IPage page) => page.Locator("td[data-label='Name']").Filter(new() { HasText = Experiment });

    private static Task CurrentAsync(IPage page, string workspace) =>
        Assertions.Expect(page.Locator("[data-testid=current-workspace]")).ToHaveAttributeAsync("data-workspace", workspace, new() { Timeout = 30_000 });

    private static async Task<int> CountAsync(HttpClient api, string experiments)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"{experiments}?name={Experiment}&limit=10");
        return page!["items"]!.AsArray().Count;
    }
}
