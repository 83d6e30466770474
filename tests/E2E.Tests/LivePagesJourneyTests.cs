using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Platform.Host.Tests.Support;

namespace Platform.E2E.Tests;

/// <summary>
/// The run, model, approvals and audit pages as people use them, against the product started the README's way: a run
/// page turns Finished with its artefacts and lineage when its job ends, without a reload; a promotion asked on the
/// model page defaults to Staging and is confirmed first; an approver confirms the approval; an audit row expands to
/// its before/after. Then each page is shot at 1440x900 and 390x844 in light and dark (the system's setting, which the
/// portal follows) and checked to fit the screen.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LivePagesJourneyTests(PortalHost host)
{
    private static readonly float Training = (float)TimeSpan.FromMinutes(2).TotalMilliseconds;

    [Fact]
    public async Task A_run_turns_finished_live_a_promotion_defaults_to_staging_and_is_confirmed_and_an_audit_row_expands()
    {
        var scientist = await host.UserAsync("DataScientist");
        var approver = await host.UserAsync("Approver", "DataScientist");
        var (dataset, model) = ("e2e-live-" + Guid.NewGuid().ToString("N")[..6], "e2e-live-model-" + Guid.NewGuid().ToString("N")[..6]);
        using var api = await host.ClientAsync(scientist);
        using (var csv = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"))))
        {
            csv.Headers.ContentType = new("text/csv");
            (await api.PostAsync($"/api/v1/datasets/{dataset}/versions", csv)).EnsureSuccessStatusCode();
        }

        var experimentId = (await JobRequests.ExpectAsync(await api.PostAsJsonAsync("/api/v1/experiments", new { name = dataset }), 201))["id"]!.GetValue<string>();
        await using var scientistContext = await host.ContextAsync(1440, 900);
        var page = await scientistContext.NewPageAsync();
        await page.SignInAsync(scientist, PortalHost.Password);

        string runId;
        await using (await WorkerHold.StartAsync(api, experimentId))
        {
            // The training waits behind the held worker: the run page is open, Running and without artefacts, before it starts.
            var run = await JobRequests.ExpectAsync(await api.PostAsJsonAsync($"/api/v1/experiments/{experimentId}/runs", new { name = "live-run" }), 201);
            runId = run["id"]!.GetValue<string>();
            var parameters = new JsonObject { ["dataset"] = dataset, ["datasetVersion"] = 1, ["labelColumn"] = "benign", ["task"] = "BinaryClassification", ["trainer"] = "LightGbm" };
            await JobRequests.ExpectAsync(await api.PostAsJsonAsync("/api/v1/jobs", new { kind = "Train", runId, parameters }), 202);
            await page.GoAsync($"/runs/{runId}");
            await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveTextAsync("Running");
            await Assertions.Expect(page.Locator("[data-testid=no-artifacts]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=lineage-job]")).ToContainTextAsync("a Train job (Queued)");
            await page.EvaluateAsync("() => window.__stillTheSamePage = true");
        }

        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveTextAsync("Finished", new() { Timeout = Training });
        await Assertions.Expect(page.Locator("[data-testid=artifact]").Filter(new() { HasText = "model.onnx" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=lineage-job]")).ToContainTextAsync("(Succeeded)");
        await Assertions.Expect(page.Locator("[data-testid=latest-metric][data-metric='validation.logLoss']")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"), "the run page reloaded");

        await JobRequests.ExpectAsync(await api.PostAsJsonAsync($"/api/v1/models/{model}/versions", new { runId }), 201);
        await page.GoAsync($"/models/{model}");
        await Assertions.Expect(page.Locator("#promote-target")).ToHaveValueAsync("Staging");
        await page.FillAsync("#promote-justification", "Validation AUC above 0.99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Request", Exact = true }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync($"promote {model} v1 to Staging");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Request Staging" }).ClickAsync();
        await page.GetByText("approvers have been told").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=pending-v1]")).ToContainTextAsync("pending → Staging");

        await using var approverContext = await host.ContextAsync(1440, 900);
        var inbox = await approverContext.NewPageAsync();
        await inbox.SignInAsync(approver, PortalHost.Password);
        await inbox.GoAsync("/approvals");
        var panel = inbox.Locator("[data-testid=approval-panel]").Filter(new() { HasText = model });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await inbox.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=stage-v1]")).ToHaveTextAsync("Staging", new() { Timeout = 15_000 });

        await inbox.GoAsync("/audit");
        await inbox.PickAsync("audit-action", "ApprovePromotion");
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var row = inbox.Locator("tr").Filter(new() { HasText = "ApprovePromotion" }).First;
        await row.Locator("[data-testid=audit-expand]").ClickAsync();
        var changes = inbox.Locator("[data-testid=audit-changes]").First;
        await Assertions.Expect(changes).ToContainTextAsync("PromotionRequest");
        await Assertions.Expect(changes.Locator("[data-testid=audit-field][data-field=Status]").First).ToContainTextAsync("Approved");

        // A second request (to Production) waits in the inbox for the screenshots.
        await JobRequests.ExpectAsync(await api.PostAsJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Production", justification = "Staging held a day" }), 201);
        await ShootAsync(approver, [$"/runs/{runId}", $"/models/{model}", $"/models/{model}/versions/1", "/approvals", "/audit"]);
    }

    /// <summary>Elements scrolled sideways (their content wider than they are, pushed left): text cut at their left edge.</summary>
    private const string ScrolledSideways =
        "() => [...document.querySelectorAll('*')].filter(e => e.scrollLeft > 0).map(e => e.tagName + '.' + e.className + ' by ' + e.scrollLeft + ' of ' + (e.scrollWidth - e.clientWidth))";

    /// <summary>Each page at both sizes in both colour schemes, after checking it fits; the portal follows the browser's scheme.</summary>
    private async Task ShootAsync(string user, string[] paths)
    {
        string[] names = ["run", "model-versions", "model-version", "approvals", "audit"];
        string[] shown = ["polyline[data-series='validation.logLoss']", "[data-testid=stage-v1]", "[data-testid=version-sha]", "[data-testid=approval-panel]", "[data-testid=audit-expand]"];
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await using var context = await host.Browser.NewContextAsync(new()
                {
                    BaseURL = host.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme,
                });
                var page = await context.NewPageAsync();
                await page.SignInAsync(user, PortalHost.Password);
                for (var i = 0; i < paths.Length; i++)
                {
                    await page.GoAsync(paths[i]);
                    await page.Locator(shown[i]).First.WaitForAsync(); // what the page shows once it has read it
                    var theme = scheme == ColorScheme.Dark ? "dark" : "light";
                    await Assertions.Expect(page.Locator($"[data-theme={theme}]")).ToHaveCountAsync(1);
                    await page.AssertFitsAsync(paths[i], width, height);
                    var scrolled = await page.EvaluateAsync<string[]>(ScrolledSideways);
                    Assert.True(scrolled.Length == 0, $"{paths[i]} at {width}x{height} has content scrolled sideways in: {string.Join(", ", scrolled)}");
                    await page.ShotAsync($"{names[i]}-{width}x{height}-{theme}");
                }
            }
        }
    }
}
