using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.E2E.Tests;

/// <summary>
/// The portal's must-show in a real browser: a data scientist launches training, watches it reach 100% live,
/// registers the version and requests promotion; an approver in another browser context approves; the first context
/// shows the new stage without a reload.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PromotionJourneyTests(PortalHost host, ITestOutputHelper output)
{
    private static readonly TimeSpan Training = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Train_register_request_and_approve_show_live_in_two_browser_contexts()
    {
        var scientist = await host.UserAsync("DataScientist");
        var approver = await host.UserAsync("Approver");
        var (experiment, model) = ("e2e-" + Guid.NewGuid().ToString("N")[..6], "e2e-model-" + Guid.NewGuid().ToString("N")[..6]);
        string experimentId;
        using (var api = await host.ClientAsync(scientist))
        {
            using var csv = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv")));
            csv.Headers.ContentType = new("text/csv");
            (await api.PostAsync("/api/v1/datasets/breast-cancer/versions", csv)).EnsureSuccessStatusCode();
            experimentId = (await JobRequests.ExpectAsync(await api.PostAsJsonAsync("/api/v1/experiments", new { name = experiment }), 201))["id"]!.GetValue<string>();
        }

        await using var scientistContext = await host.ContextAsync();
        var page = await scientistContext.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.SignInAsync(scientist, PortalHost.Password);
        output.WriteLine($"sign-in to interactive dashboard: {clock.ElapsedMilliseconds} ms");
        await page.ShotAsync("dashboard");

        await page.GoAsync("/train");
        await page.PickAsync("train-experiment", experiment);
        await page.PickAsync("train-dataset", "breast-cancer v1");
        await page.PickAsync("train-label", "benign"); // a column of the dataset version's profile
        await Assertions.Expect(page.Locator("#train-label")).ToHaveValueAsync("benign");
        await page.ShotAsync("launch-training");
        using (var api = await host.ClientAsync(scientist))
        await using (await WorkerHold.StartAsync(api, experimentId))
        {
            // Training starts only once the job page listens (its state shows after it subscribed), so its lines come live.
            await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();
            await page.WaitForURLAsync("**/jobs/**");
            await page.Locator("[data-testid=job-state]").WaitForAsync();
            await page.EvaluateAsync("() => window.__stillTheSamePage = true");
        }

        await Assertions.Expect(page.Locator("[data-testid=job-progress]")).ToHaveTextAsync("100%", new() { Timeout = (float)Training.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-testid=job-state]")).ToHaveTextAsync("Succeeded");
        // The log's last line (the stored model) came over the hub while the page was open: no reload, marked live.
        await Assertions.Expect(page.Locator("[data-testid=log-line][data-live='1']").Filter(new() { HasText = "Stored the ONNX model" })).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"), "the job page reloaded");
        await page.ShotAsync("job-succeeded");
        var runPage = await scientistContext.NewPageAsync();
        var runPath = await page.GetByText("Open the run").GetAttributeAsync("href") ?? "/";
        await runPage.GoAsync(runPath);
        // Not "network idle": a circuit that fell back to long polling (a loaded machine) never is; wait for what the page shows.
        await Assertions.Expect(runPage.Locator("polyline[data-series='validation.logLoss']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(runPage.Locator("[data-testid=lineage-dataset]")).ToContainTextAsync("breast-cancer v1");
        await Assertions.Expect(runPage.Locator("[data-testid=log-line]").Filter(new() { HasText = "Stored the ONNX model" })).ToHaveCountAsync(1);
        await runPage.ShotAsync("run-metrics");
        await DownloadsTheModelArtefactAsync(runPage, scientist, runPath);
        await runPage.CloseAsync();

        await page.FillAsync("#register-model", model);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register version" }).ClickAsync();
        await page.WaitForURLAsync($"**/models/{model}");
        await page.Locator("[data-testid=stage-v1]").WaitForAsync();
        await page.PickAsync("promote-target", "Production");
        await page.FillAsync("#promote-justification", "Trained in the portal; ROC AUC above 0.99 on validation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Request", Exact = true }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Request Production" }).ClickAsync();
        await page.GetByText("approvers have been told").WaitForAsync();
        await page.EvaluateAsync("() => window.__stillTheSamePage = true");
        using (var api = await host.ClientAsync(scientist))
        {
            (await api.PutAsJsonAsync($"/api/v1/models/{model}/aliases/champion", new { version = 1 })).EnsureSuccessStatusCode();
        }

        await using var approverContext = await host.ContextAsync();
        var inbox = await approverContext.NewPageAsync();
        await inbox.SignInAsync(approver, PortalHost.Password);
        await inbox.GoAsync("/approvals");
        var panel = inbox.Locator("[data-testid=approval-panel]").Filter(new() { HasText = model });
        await panel.WaitForAsync();
        await inbox.ShotAsync("approvals-inbox");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await inbox.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        var decided = inbox.Locator("tr").Filter(new() { HasText = $"{model} v1" }).Filter(new() { HasText = "Approved" });
        await Assertions.Expect(decided).ToContainTextAsync(approver, new() { Timeout = 15_000 }); // the inbox's history, no reload
        await ExportsTheAuditTrailAsync(inbox, scientist);

        await Assertions.Expect(page.Locator("[data-testid=stage-v1]")).ToHaveTextAsync("Production", new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"), "the model page reloaded");
        await Assertions.Expect(page.Locator("[data-testid=alias-champion]")).ToContainTextAsync("@champion"); // read again with the stage change
        await Assertions.Expect(page.Locator("[data-testid=lineage-v1] a")).ToHaveAttributeAsync("href", runPath);
        await page.ShotAsync("model-in-production");
        using var check = await host.ClientAsync(scientist);
        var version = await check.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}/versions/1");
        Assert.Equal("Production", version!["stage"]!.GetValue<string>());
        var lineage = await scientistContext.NewPageAsync();
        await lineage.GoAsync(runPath);
        await Assertions.Expect(lineage.Locator("[data-testid=lineage-version]")).ToContainTextAsync($"{model} v1 (Production)");
    }

    /// <summary>The run's model downloads in the browser (which holds no Api token) through a signed link, byte for byte.</summary>
    private async Task DownloadsTheModelArtefactAsync(IPage runPage, string scientist, string runPath)
    {
        var download = await runPage.RunAndWaitForDownloadAsync(() =>
            runPage.Locator("[data-testid=artifact]").Filter(new() { HasText = "model.onnx" }).Locator("[data-testid=download-artifact]").ClickAsync());
        Assert.Equal("model.onnx", download.SuggestedFilename);
        Assert.Contains("/api/v1/downloads/pdl_", download.Url);
        using var api = await host.ClientAsync(scientist);
        var stored = await api.GetByteArrayAsync($"/api/v1{runPath}/artifacts/model.onnx");
        Assert.Equal(stored, await File.ReadAllBytesAsync(await download.PathAsync()));
    }

    /// <summary>The audit trail, filtered to the data scientist, saves as CSV in the approver's browser.</summary>
    private static async Task ExportsTheAuditTrailAsync(IPage page, string scientist)
    {
        await page.GoAsync("/audit");
        await page.FillAsync("#audit-actor", scientist);
        await page.Locator("#audit-actor").PressAsync("Tab");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
        Assert.Equal("audit.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("sequence,at,actor,action", lines[0]);
        Assert.Contains(lines, l => l.Contains(",RegisterModelVersion,", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Equal(scientist, l.Split(',')[2]));
    }
}
