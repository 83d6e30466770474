using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Platform.E2E.Tests;

/// <summary>
/// Time to interactive for the dashboard and for an experiment holding 10,000 runs (written to the test output and
/// to artifacts/e2e-timings.json, not asserted), every input labelled, and the main pages usable at 1280x800 and
/// 390x844 (nothing wider than the screen).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalQualityTests(PortalHost host, ITestOutputHelper output)
{
    private const int Runs = 10_000;

    [Fact]
    public async Task Pages_are_labelled_fit_a_phone_and_their_time_to_interactive_is_measured()
    {
        var scientist = await host.UserAsync("DataScientist", "Approver");
        var experiment = await ExperimentWithRunsAsync(scientist);
        string[] pages = ["/", "/experiments", $"/experiments/{experiment}", "/train", "/jobs", "/models", "/approvals", "/audit"];
        var timings = new JsonObject();

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using var context = await host.ContextAsync(width, height);
            var page = await context.NewPageAsync();
            await page.SignInAsync(scientist, PortalHost.Password);
            foreach (var path in pages)
            {
                var clock = Stopwatch.StartNew();
                await page.GoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (path.StartsWith("/experiments/", StringComparison.Ordinal))
                {
                    await page.Locator("td[data-label='Run']").First.WaitForAsync();
                }

                timings[$"{path} {width}x{height}"] = clock.ElapsedMilliseconds;
                await page.AssertFitsAsync(path, width, height);
                await page.ShotAsync($"{ShotName(path)}-{width}x{height}");
            }
        }

        await CompareTwoRunsAsync(scientist, experiment);
        output.WriteLine(timings.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(PortalHost.Screenshots, "..", "e2e-timings.json"), timings.ToJsonString());
    }

    /// <summary>Two runs picked on the experiment page open side by side; their differing parameter is marked.</summary>
    private async Task CompareTwoRunsAsync(string user, string experiment)
    {
        await using var context = await host.ContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(user, PortalHost.Password);
        await page.GoAsync($"/experiments/{experiment}");
        await page.GetByLabel("Compare run-9999").CheckAsync();
        await page.GetByLabel("Compare run-9998").CheckAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare 2 selected" }).ClickAsync();
        await page.WaitForURLAsync("**/compare?runs=**");
        var differing = page.Locator("[data-testid=param-diff] tr[data-differs='1']");
        await Assertions.Expect(differing).ToHaveCountAsync(1);
        await Assertions.Expect(differing.Locator("td").First).ToHaveTextAsync("lr");
        await page.ShotAsync("compare-runs");
    }

    private static string ShotName(string path) =>
        path == "/" ? "dashboard" : path.StartsWith("/experiments/", StringComparison.Ordinal) ? "experiment-runs" : path.Trim('/');

    /// <summary>Inputs, selects and text areas with neither a label element, aria-label nor aria-labelledby.</summary>
    internal const string UnlabelledInputs = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
            .map(e => e.id || e.name || e.outerHTML.slice(0, 80))
        """;

    private async Task<string> ExperimentWithRunsAsync(string user)
    {
        using var api = await host.ClientAsync(user);
        var created = await (await api.PostAsJsonAsync("/api/v1/experiments", new { name = "ten-thousand-" + Guid.NewGuid().ToString("N")[..6] })).Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Runs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            (await api.PostAsJsonAsync($"/api/v1/experiments/{id}/runs", new { name = $"run-{i}", @params = new { lr = (i % 10 / 100.0).ToString("0.00") } }, ct)).EnsureSuccessStatusCode());
        output.WriteLine($"{Runs} runs created in {clock.Elapsed.TotalSeconds:F1} s");
        return id;
    }
}
