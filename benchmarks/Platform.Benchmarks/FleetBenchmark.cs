using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Platform.Contracts.Fleet;

namespace Platform.Benchmarks;

/// <summary>
/// <c>benchmarks/run fleet</c>: the embedded host as its own process and <see cref="Devices"/> simulated devices in this
/// one, each with its own key and token, over loopback HTTP where <see cref="DropRate"/> of the requests are lost (half
/// before the host sees them, half after). A rollout in three waves to all of them, then the unchanged poll measured
/// against a trivial endpoint of the same host (<c>/health/live</c>) at the same concurrency, then a failing version
/// rolled back on every device its first wave touched.
/// </summary>
internal static class FleetBenchmark
{
    private static readonly int Devices = int.TryParse(Environment.GetEnvironmentVariable("FLEET_DEVICES"), out var n) ? n : 10_000;
    private const double DropRate = 0.2;
    private const int Concurrency = 32;
    private const int Passes = 3;
    private const string Model = "fleet-model";

    public static async Task<object> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "platform-fleet-bench", Guid.NewGuid().ToString("N"));
        await using var host = await HostProcess.StartAsync(folder);
        using var admin = await host.SignedInClientAsync();
        var (good, bad) = (await VersionAsync(admin, host, "good"), await VersionAsync(admin, host, "bad"));
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
        var clock = Stopwatch.StartNew();
        var fleet = await EnrolAsync(admin, client);
        Console.Error.WriteLine($"{Devices} devices enrolled in {clock.Elapsed.TotalSeconds:F1} s");
        var link = new Link(DropRate, 18);

        var rollout = await StartAsync(admin, good);
        var (rolloutSeconds, rounds) = await DriveAsync(admin, client, link, fleet, rollout, "Completed", () => fleet.All(d => d.Serving == good));
        var converged = fleet.Count(d => d.Serving == good);
        Console.Error.WriteLine($"rollout completed in {rolloutSeconds:F1} s over {rounds} rounds; {converged} devices on v{good}; {link.Dropped} of {link.Sent} requests lost");

        // One round over a good link first, so that every device holds the current ETag (a lost answer leaves an old one).
        await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (d, _) => await d.RoundAsync(client, new Link(0, 2), Model));
        var (p50, p99, pollsPerSecond, echoPerSecond) = await UnchangedPollsAsync(client, fleet);
        var rss = host.Memory().RssMb;
        Console.Error.WriteLine($"unchanged poll p50 {p50:F2} ms p99 {p99:F2} ms, {pollsPerSecond:F0}/s; echo {echoPerSecond:F0}/s; server RSS {rss} MB");

        fleet.ForEach(d => d.Refuses = bad);
        var failing = await StartAsync(admin, bad);
        var (rollbackSeconds, _) = await DriveAsync(admin, client, link, fleet, failing, "RolledBack", () => true);
        var state = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/fleet/rollouts/{failing}"))!;
        var touched = state["assigned"]!.GetValue<int>();
        Console.Error.WriteLine($"failing version rolled back in {rollbackSeconds:F1} s: {state["reason"]}; {touched} touched, all {fleet.Count(d => d.Serving == good)} on v{good}");
        return new
        {
            devices = Devices, drop_rate = DropRate, rollout_s = Math.Round(rolloutSeconds, 1), devices_converged = converged,
            duplicate_applies = fleet.Sum(d => d.DuplicateApplies), unchanged_poll_p50_ms = Math.Round(p50, 2), unchanged_poll_p99_ms = Math.Round(p99, 2),
            polls_per_s = Math.Round(pollsPerSecond), echo_per_s = Math.Round(echoPerSecond), poll_vs_echo = Math.Round(pollsPerSecond / echoPerSecond, 3),
            server_rss_mb = rss, rollback_s = Math.Round(rollbackSeconds, 1), rollback_touched = touched, rolled_back_on_previous = fleet.Count(d => d.Serving == good),
        };
    }

    /// <summary>A tiny ONNX version (its own input name, so its own file) approved into Production by a second user.</summary>
    private static async Task<int> VersionAsync(HttpClient admin, HostProcess host, string input)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Platform.Api.Tests.Support.TinyOnnxModel.Bytes(input)), "file", "model.onnx" } };
        var version = (await (await admin.PostAsync($"/api/v1/models/{Model}/versions/upload", form)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
        var approverName = "fleet-approver-" + input;
        const string password = "fleet-approver-password";
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = approverName, password, roles = new[] { "Approver" } })).EnsureSuccessStatusCode();
        var request = await (await admin.PostAsJsonAsync($"/api/v1/models/{Model}/versions/{version}/promotions", new { targetStage = "Production", justification = "benchmark" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        using var approver = new HttpClient { BaseAddress = host.Address };
        var token = await (await approver.PostAsJsonAsync("/api/v1/auth/token", new { userName = approverName, password })).Content.ReadFromJsonAsync<JsonObject>();
        approver.DefaultRequestHeaders.Authorization = new("Bearer", token!["accessToken"]!.GetValue<string>());
        (await approver.PostAsJsonAsync($"/api/v1/promotions/{request!["id"]}/approve", new { comment = "ok" })).EnsureSuccessStatusCode();
        return version;
    }

    /// <summary>
    /// Each device its own one-time enrolment token (made in batches of a thousand, as an Operator provisioning a
    /// production line would) and key; enrolment itself is over a good link.
    /// </summary>
    private static async Task<List<FleetDevice>> EnrolAsync(HttpClient admin, HttpClient client)
    {
        var secrets = new List<string>();
        for (var made = 0; made < Devices; made += 1000)
        {
            foreach (var region in new[] { "eu", "us" })
            {
                var count = (Math.Min(1000, Devices - made) + 1) / 2;
                var batch = (await (await admin.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens/batch", new { name = "bench", labels = new { region }, count }))
                    .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
                secrets.AddRange(batch["tokens"]!.AsArray().Select(t => t!["secret"]!.GetValue<string>()));
            }
        }

        var fleet = new FleetDevice[Devices];
        await Parallel.ForEachAsync(Enumerable.Range(0, Devices), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var enrolled = (await (await client.PostAsJsonAsync(FleetApi.Enrol, new { token = secrets[i], name = $"dev-{i:00000}", publicKey = Es256.PublicJwk(key) }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
            fleet[i] = new FleetDevice(Guid.Parse(enrolled["deviceId"]!.GetValue<string>()), key, $"dev-{i:00000}");
        });
        return [.. fleet];
    }

    private static async Task<string> StartAsync(HttpClient admin, int version)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/fleet/rollouts", new
        {
            model = Model, version, selector = "", waves = new[] { new { percent = 1 }, new { percent = 10 }, new { percent = 100 } },
            gate = new { minReportingPercent = 99, maxFailurePercent = 1, timeoutSeconds = 120 }, onFailure = "Rollback",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode ? body!["id"]!.GetValue<string>() : throw new InvalidOperationException($"rollout: {(int)response.StatusCode} {body}");
    }

    /// <summary>Rounds of every device polling (and reporting) until the rollout is in <paramref name="state"/> and the fleet <paramref name="converged"/>: its seconds and rounds.</summary>
    private static async Task<(double Seconds, int Rounds)> DriveAsync(
        HttpClient admin, HttpClient client, Link link, List<FleetDevice> fleet, string rollout, string state, Func<bool> converged)
    {
        var clock = Stopwatch.StartNew();
        for (var round = 1; ; round++)
        {
            await Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (d, _) => await d.RoundAsync(client, link, Model));
            var seen = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/fleet/rollouts/{rollout}"))!;
            Console.Error.WriteLine($"round {round} at {clock.Elapsed.TotalSeconds:F1} s: {seen["state"]} wave {seen["currentWave"]!.GetValue<int>() + 1}, {seen["assigned"]} given");
            if (seen["state"]!.GetValue<string>() == state && converged())
            {
                return (clock.Elapsed.TotalSeconds, round);
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(8))
            {
                throw new TimeoutException($"the rollout never got {state}: {seen}");
            }
        }
    }

    /// <summary>
    /// Every device polls with its current ETag over a good link (all 304), and as many requests go to a trivial endpoint
    /// of the same host at the same concurrency, alternately, <see cref="Passes"/> times after a warm-up pass of each (so
    /// that the machine's load, shared and noisy, weighs on both alike): the polls' latency percentiles, and both
    /// throughputs over the measured passes.
    /// </summary>
    private static async Task<(double P50, double P99, double PollsPerSecond, double EchoPerSecond)> UnchangedPollsAsync(HttpClient client, List<FleetDevice> fleet)
    {
        var good = new Link(0, 1);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var (pollSeconds, echoSeconds) = (0.0, 0.0);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency };
        for (var pass = 0; pass <= Passes; pass++)
        {
            var measured = pass > 0;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(fleet, options, async (d, _) =>
            {
                var sent = Stopwatch.GetTimestamp();
                await d.PollOnlyAsync(client, good);
                if (measured)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            });
            var polled = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(Enumerable.Range(0, fleet.Count), options, async (_, ct) =>
            {
                using var response = await client.GetAsync("/health/live", ct);
                response.EnsureSuccessStatusCode();
            });
            var echoed = Stopwatch.GetElapsedTime(started);
            if (measured)
            {
                (pollSeconds, echoSeconds) = (pollSeconds + polled.TotalSeconds, echoSeconds + echoed.TotalSeconds);
            }
        }

        var sorted = latencies.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.99)], fleet.Count * Passes / pollSeconds, fleet.Count * Passes / echoSeconds);
    }
}
