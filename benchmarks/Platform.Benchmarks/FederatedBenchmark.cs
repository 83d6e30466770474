using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Edge.Tests.Federated;

namespace Platform.Benchmarks;

/// <summary>
/// <c>benchmarks/run federated</c>: issue 19's federated training. The embedded host (Release) as its own process, its
/// driver ticking every 100 ms (<c>Fleet__RolloutTickMilliseconds</c>), and <see cref="Sites"/> sites in this process, each
/// a fleet device with its own key and token calling the host over loopback HTTP with the edge agent's site code, holding
/// its Dirichlet(<see cref="Alpha"/>) part of digits. The same plan (MLP of 32, every site each round) four times after a
/// warm-up: float32 and int8 for <see cref="Rounds"/> rounds, then both under secure aggregation for <see cref="SecureRounds"/>.
/// Then the server's aggregation maths on the last float32 (and int8) round's real updates, timed in this process, against
/// copying the same bytes.
/// </summary>
internal static class FederatedBenchmark
{
    private const int Hidden = 32, Concurrency = 16;
    private static readonly int Sites = int.TryParse(Environment.GetEnvironmentVariable("FEDERATED_SITES"), out var n) ? n : 100;
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("FEDERATED_ROUNDS"), out var r) ? r : 20;

    // A round under secure aggregation takes 6 s at 100 sites on the quiet development VM, 12-19 s under load (a plain one
    // about 1 s): 20 of each kind would take the benchmark to 6-11 minutes, so by default they run 3, enough for the
    // per-round figures (FEDERATED_SECAGG_ROUNDS=20 for the accuracy after as many rounds as the plain ones).
    private static readonly int SecureRounds = int.TryParse(Environment.GetEnvironmentVariable("FEDERATED_SECAGG_ROUNDS"), out var s) ? s : 3;
    private const double Alpha = 0.5;
    private const string Region = "federated-bench";

    private sealed record Variant(string Encoding, bool Secure, double Accuracy, double RoundP50, double BytesPerRound, double Seconds, List<(byte[] Update, long Samples)> Updates);

    public static async Task<object> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "platform-federated-bench", Guid.NewGuid().ToString("N"));
        try
        {
            return await MeasureAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<object> MeasureAsync(string folder)
    {
        var digits = new FederatedDigits();
        await using var host = await HostProcess.StartAsync(folder, new Dictionary<string, string> { ["Fleet__RolloutTickMilliseconds"] = "100" });
        using var admin = await host.SignedInClientAsync();
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
        var clock = Stopwatch.StartNew();
        var sites = await FederatedBenchSite.EnrolAsync(admin, client, digits.Sites(Sites, Alpha), Region);
        Console.Error.WriteLine($"{Sites} sites enrolled, signed in and registered in {clock.Elapsed.TotalSeconds:F1} s");

        // Warm-up, not measured: the host's and the sites' code paths for both kinds of round (JIT, SQLite's cache).
        Console.Error.WriteLine("warm-up, not measured:");
        _ = await RunAsync(admin, sites, digits, "Float32", secure: false, rounds: 3);
        _ = await RunAsync(admin, sites, digits, "Float32", secure: true, rounds: 1);
        Console.Error.WriteLine("measured:");
        var runs = new Dictionary<(string, bool), Variant?>();
        foreach (var secure in new[] { false, true })
        {
            foreach (var encoding in new[] { "Float32", "Int8" })
            {
                runs[(encoding, secure)] = await RunAsync(admin, sites, digits, encoding, secure, secure ? SecureRounds : Rounds);
            }
        }

        var (f32, int8, secure32, secure8) = (runs[("Float32", false)]!, runs[("Int8", false)]!, runs[("Float32", true)], runs[("Int8", true)]);
        var parameters = (int)((f32.Updates[0].Update.Length - 6) / 4); // the float32 encoding: a 6-byte header, then 4 bytes a weight
        var (aggregate, memcpy) = AggregationThroughput.Measure(f32.Updates, parameters);
        var (aggregateInt8, _) = AggregationThroughput.Measure(int8.Updates, parameters);
        var central = digits.CentralAccuracy(Hidden);
        Console.Error.WriteLine($"aggregation of {f32.Updates.Count} float32 updates ({f32.Updates.Sum(u => u.Update.Length)} bytes): {aggregate:F0} MB/s; int8: {aggregateInt8:F0} MB/s; memcpy {memcpy:F0} MB/s; central accuracy {central:F4}");
        static double? Round(double? value, int places) => value is { } v ? Math.Round(v, places) : null;
        return new
        {
            sites = Sites, rounds = Rounds, secagg_rounds = SecureRounds, alpha = Alpha, accuracy = Math.Round(f32.Accuracy, 4), accuracy_int8 = Math.Round(int8.Accuracy, 4),
            accuracy_secagg = Round(secure32?.Accuracy, 4), accuracy_secagg_int8 = Round(secure8?.Accuracy, 4), central_accuracy = Math.Round(central, 4),
            round_s_p50 = Math.Round(f32.RoundP50, 3), round_s_p50_int8 = Math.Round(int8.RoundP50, 3), round_s_p50_secagg = Round(secure32?.RoundP50, 3),
            round_s_p50_secagg_int8 = Round(secure8?.RoundP50, 3), secagg_overhead = Round(secure32?.RoundP50 / f32.RoundP50, 2),
            bytes_per_round_f32 = f32.BytesPerRound, bytes_per_round_int8 = int8.BytesPerRound, bytes_per_round_secagg_f32 = secure32?.BytesPerRound,
            bytes_per_round_secagg_int8 = secure8?.BytesPerRound, aggregate_mb_per_s = Math.Round(aggregate), aggregate_mb_per_s_int8 = Math.Round(aggregateInt8),
            memcpy_mb_per_s = Math.Round(memcpy),
        };
    }

    /// <summary>One federation of the plan to its end: its model's held-out accuracy, its rounds' median time (opened → aggregated), bytes received a round; null when it did not complete.</summary>
    private static async Task<Variant?> RunAsync(HttpClient admin, List<FederatedBenchSite> sites, FederatedDigits digits, string encoding, bool secure, int rounds)
    {
        var name = $"digits-{encoding.ToLowerInvariant()}{(secure ? "-secagg" : "")}";
        var experiment = (await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"{name}-{Guid.NewGuid():N}" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        var plan = new
        {
            dataset = "digits", labelColumn = FederatedDigits.Label, selector = $"region={Region}", rounds, model = new { kind = "Mlp", hidden = Hidden },
            sampling = new { fraction = 1.0, minSites = Sites }, quorum = (int)Math.Ceiling(0.9 * Sites), training = new { epochs = 3, batchSize = 2, learningRate = 0.3 },
            compression = new { encoding }, secureAggregation = secure, seed = 5,
        };
        var created = await admin.PostAsJsonAsync("/api/v1/federations", new { experimentId = experiment["id"]!.GetValue<Guid>(), name, plan });
        var federation = await created.Content.ReadFromJsonAsync<JsonObject>();
        if (!created.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{name}: the plan was refused, {(int)created.StatusCode} {federation}");
            return null;
        }

        var id = federation!["id"]!.GetValue<Guid>();
        (await admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = sites.Select(s => s.Id) })).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        var done = await FederatedBenchSite.DriveAsync(admin, id, sites, Concurrency, TimeSpan.FromMinutes(3));
        var seconds = clock.Elapsed.TotalSeconds;
        if (done["state"]!.GetValue<string>() != "Completed")
        {
            Console.Error.WriteLine($"{name}: ended {done["state"]} after {done["completedRounds"]} rounds in {seconds:F1} s: {done["reason"]}");
            return null;
        }

        var runId = done["runId"]!.GetValue<Guid>();
        var accuracy = digits.TestAccuracy(await admin.GetByteArrayAsync($"/api/v1/runs/{runId}/artifacts/model.onnx"));
        var aggregated = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/federations/{id}/rounds?limit=100"))!["items"]!.AsArray()
            .Where(r => r!["state"]!.GetValue<string>() == "Aggregated").ToList();
        var durations = aggregated.Select(r => (r!["closedAt"]!.GetValue<DateTimeOffset>() - r["openedAt"]!.GetValue<DateTimeOffset>()).TotalSeconds).Order().ToList();
        var bytes = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/runs/{runId}/metrics/history?key=federated.bytes_received&limit=100"))!["items"]!.AsArray()
            .Average(p => p!["value"]!.GetValue<double>());
        var variant = new Variant(encoding, secure, accuracy, durations[durations.Count / 2], bytes, seconds, [.. sites.Select(s => s.LastUpdate)]);
        Console.Error.WriteLine($"{name}: {aggregated.Count} rounds in {seconds:F1} s (round p50 {variant.RoundP50:F3} s, max {durations[^1]:F3} s), accuracy {accuracy:F4}, {bytes:F0} bytes a round");
        return variant;
    }
}
