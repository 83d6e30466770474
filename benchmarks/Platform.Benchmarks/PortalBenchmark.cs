using System.Diagnostics;
using Microsoft.Playwright;

namespace Platform.Benchmarks;

/// <summary>
/// Issue 15: an experiment of 10,000 runs x 20 params x 10 metrics written into the embedded host's SQLite file, the host
/// (Release) started as its own process, and Debian's chromium (headless, through Playwright) opening the runs page
/// and a compare page of 10 runs, each as a fresh page load of a signed-in browser. Time to interactive: navigation
/// start until the circuit is interactive and the content is drawn (the first page of runs in the table; the
/// compare page's parallel-coordinates lines, one per run). api_runs_page_ms: the same runs page's three Api calls
/// (experiment, run keys, first page of 50 runs), sent at once as the page sends them, from this process. Medians of
/// 7 after 2 warm-ups each.
/// </summary>
internal static class PortalBenchmark
{
    private const int Runs = 10_000;
    private const int Samples = 7;
    private const int WarmUps = 2;
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<object> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("platform-portal-bench").FullName;
        try
        {
            await using var host = await HostProcess.StartAsync(Path.Combine(folder, "host"));
            using var client = await host.SignedInClientAsync();
            var experiment = Guid.Parse(await client.CreateAsync("/api/v1/experiments", new { name = "portal-bench", description = "10,000 runs x 20 params x 10 metrics" }));
            var seeding = Stopwatch.StartNew();
            var runs = PortalSeed.Seed(host.DatabasePath, experiment, Runs, parameters: 20, metrics: 10, historyRuns: 10);
            Console.Error.WriteLine($"seeded {Runs:N0} runs in {seeding.Elapsed.TotalSeconds:F1} s");

            var api = await ApiRunsPageAsync(client, experiment);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumFlags });
            await using var context = await browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
            var page = await context.NewPageAsync();
            await SignInAsync(page);

            var runsPage = await TimeAsync(page, $"/experiments/{experiment}", p => p.Locator("td[data-label='Run']").First.WaitForAsync(new() { Timeout = 60_000 }));
            var comparePath = "/compare?runs=" + string.Join(',', runs.Take(10));
            var compare = await TimeAsync(page, comparePath, p => Assertions.Expect(p.Locator("[data-testid=parallel-coordinates] polyline[data-run]")).ToHaveCountAsync(10, new() { Timeout = 60_000 }));
            Console.Error.WriteLine($"runs page TTI samples (ms): {string.Join(", ", runsPage.Samples)}; compare: {string.Join(", ", compare.Samples)}; api: {string.Join(", ", api.Samples)}");
            return new { runs = Runs, runs_page_tti_ms = runsPage.Median, compare_10_tti_ms = compare.Median, api_runs_page_ms = api.Median };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Timing(double Median, IReadOnlyList<double> Samples);

    private static async Task<Timing> ApiRunsPageAsync(HttpClient client, Guid experiment)
    {
        string[] paths = [$"/api/v1/experiments/{experiment}", $"/api/v1/experiments/{experiment}/run-keys", $"/api/v1/experiments/{experiment}/runs?limit=50"];
        foreach (var path in paths)
        {
            var alone = await MeasureAsync(async () => (await client.GetAsync(path)).EnsureSuccessStatusCode().Dispose());
            Console.Error.WriteLine($"{path}: median {alone.Median} ms alone");
        }

        return await MeasureAsync(async () =>
        {
            var answers = await Task.WhenAll(paths.Select(async path =>
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
            }));
            _ = answers;
        });
    }

    private static Task<Timing> TimeAsync(IPage page, string path, Func<IPage, Task> drawn) => MeasureAsync(async () =>
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive='1']").WaitForAsync(new() { Timeout = 60_000 });
        await drawn(page);
    });

    private static async Task<Timing> MeasureAsync(Func<Task> action)
    {
        var samples = new List<double>();
        for (var i = 0; i < WarmUps + Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            if (i >= WarmUps)
            {
                samples.Add(Math.Round(clock.Elapsed.TotalMilliseconds, 1));
            }
        }

        var sorted = samples.Order().ToList();
        return new Timing(sorted[sorted.Count / 2], samples);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/signin");
        await page.Locator("[data-interactive='1']").WaitForAsync(new() { Timeout = 60_000 });
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", HostProcess.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("[data-testid=signed-in-user]").WaitForAsync(new() { Timeout = 60_000 });
    }
}
