using System.Text.RegularExpressions;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Platform.E2E.Tests;

/// <summary>
/// Issue 15's runs view in the product: a filter and chosen columns that a reload restores from the address, paging,
/// and a compare page with its parallel-coordinates chart; screenshots of the runs, experiments and compare pages at
/// both widths in light and dark (each checked to fit the screen).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RunsViewTests(PortalHost host)
{
    private const int Runs = 60;

    [Fact]
    public async Task A_filter_and_chosen_columns_survive_a_reload_from_the_address_and_paging_moves_through_the_runs()
    {
        var (context, page, experiment, _) = await RunsPageAsync();
        await using var browser = context;
        await Assertions.Expect(page.Locator("td[data-label='Run']")).ToHaveCountAsync(50);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.Locator("td[data-label='Run']")).ToHaveCountAsync(Runs - 50);
        await Assertions.Expect(page.Locator("[data-testid=runs-page]")).ToContainTextAsync("Page 2");

        await page.FillAsync("#runs-filter", "params.depth = '3'");
        await page.PressAsync("#runs-filter", "Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("filter=params.depth"));
        await page.Locator("#runs-columns").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "param · lr" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("cols="));
        await page.Keyboard.PressAsync("Escape");

        await page.ReloadAsync();
        await page.Locator("[data-interactive='1']").WaitForAsync();
        await Assertions.Expect(page.Locator("#runs-filter")).ToHaveValueAsync("params.depth = '3'");
        await Assertions.Expect(page.Locator("td[data-label='Run']")).ToHaveCountAsync(Runs / 4);
        var columns = await page.Locator("th[data-column]").EvaluateAllAsync<string[]>("ths => ths.map(th => th.dataset.column)");
        Assert.Equal(["params.depth", "metrics.auc", "metrics.loss"], columns);
        var depths = await page.Locator("td[data-column='params.depth']").AllTextContentsAsync();
        Assert.All(depths, d => Assert.Equal("3", d.Trim()));
    }

    [Fact]
    public async Task The_compare_page_draws_a_parallel_coordinates_line_per_run()
    {
        var (context, page, _, names) = await RunsPageAsync();
        await using var browser = context;
        foreach (var name in names.TakeLast(3)) // among the newest, so on the first page
        {
            await page.GetByLabel($"Compare {name}", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare 3 selected" }).ClickAsync();
        await page.WaitForURLAsync("**/compare?runs=**");

        await Assertions.Expect(page.Locator("[data-testid=parallel-coordinates] polyline[data-run]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=parallel-coordinates] [data-axis]")).ToHaveCountAsync(3); // depth, lr and the metric
        await Assertions.Expect(page.Locator("[data-testid=latest-metrics] tr[data-metric]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=param-scatter] [data-series-dot]")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task The_runs_experiments_and_compare_pages_fit_both_screens_in_light_and_dark()
    {
        var user = await host.UserAsync("DataScientist");
        var (experiment, _) = await ExperimentAsync(user);
        using var api = await host.ClientAsync(user);
        var page1 = await (await api.GetAsync($"/api/v1/experiments/{experiment}/runs?limit=10")).Content.ReadFromJsonAsync<JsonObject>();
        var ids = page1!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>());
        string[] paths = [$"/experiments/{experiment}", "/experiments", $"/compare?runs={string.Join(',', ids)}"];
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await using var context = await host.ContextAsync(width, height);
            var page = await context.NewPageAsync();
            await page.SignInAsync(user, PortalHost.Password);
            foreach (var path in paths)
            {
                foreach (var dark in new[] { false, true })
                {
                    await page.GoAsync(path);
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    if (dark)
                    {
                        await page.GetByLabel("Switch between light and dark theme").ClickAsync();
                    }

                    await page.WaitForTimeoutAsync(path.StartsWith("/compare", StringComparison.Ordinal) ? 1500 : 300); // the histories arrive after the page is interactive
                    await page.AssertFitsAsync(path, width, height);
                    var name = path == "/experiments" ? "experiments" : path.StartsWith("/compare", StringComparison.Ordinal) ? "compare" : "runs";
                    await page.ShotAsync($"issue15-{name}-{width}x{height}-{(dark ? "dark" : "light")}");
                }
            }
        }
    }

    /// <summary>A new user's browser at 1440x900 on the runs page of a new experiment.</summary>
    private async Task<(IBrowserContext Context, IPage Page, string Experiment, IReadOnlyList<string> Names)> RunsPageAsync()
    {
        var user = await host.UserAsync("DataScientist");
        var (experiment, names) = await ExperimentAsync(user);
        var context = await host.ContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.SignInAsync(user, PortalHost.Password);
        await page.GoAsync($"/experiments/{experiment}");
        return (context, page, experiment, names);
    }

    /// <summary>An experiment of <see cref="Runs"/> runs with params depth (0-3) and lr and metrics auc and loss (two steps each); answers its id and run names.</summary>
    private async Task<(string Id, IReadOnlyList<string> Names)> ExperimentAsync(string user)
    {
        using var api = await host.ClientAsync(user);
        var created = await (await api.PostAsJsonAsync("/api/v1/experiments", new { name = "runs-view-" + Guid.NewGuid().ToString("N")[..6], description = "issue 15 runs view" }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<string>();
        var names = Enumerable.Range(0, Runs).Select(i => $"trial-{i:D2}").ToList();
        await Parallel.ForAsync(0, Runs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var run = await (await api.PostAsJsonAsync($"/api/v1/experiments/{id}/runs",
                new { name = names[i], @params = new Dictionary<string, string> { ["depth"] = (i % 4).ToString(), ["lr"] = (0.01 * (i % 7 + 1)).ToString("0.00") } }, ct))
                .Content.ReadFromJsonAsync<JsonObject>(ct);
            var points = new[] { new { key = "auc", value = 0.5 + i / 200.0, step = 1, timestamp = 1 }, new { key = "auc", value = 0.6 + i / 200.0, step = 2, timestamp = 2 },
                new { key = "loss", value = 1 - i / 100.0, step = 1, timestamp = 1 }, new { key = "loss", value = 0.9 - i / 100.0, step = 2, timestamp = 2 } };
            (await api.PostAsJsonAsync($"/api/v1/runs/{run!["id"]}/metrics", new { metrics = points }, ct)).EnsureSuccessStatusCode();
        });
        return (id, names);
    }
}
