using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Federated;
using Platform.Contracts.Fleet;
using Platform.Edge.Federated;

namespace Platform.Benchmarks;

/// <summary>
/// One site of the federated benchmark: a fleet device with its own P-256 key and device token, calling the host over
/// HTTP with the edge agent's own site code (<see cref="FederatedSite"/>) on its own part of the data. It keeps the last
/// update it sent without secure aggregation (the bytes and samples, as the server receives them), so that the server's
/// aggregation maths can be timed on real updates.
/// </summary>
internal sealed class FederatedBenchSite
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private FederatedBenchSite(Guid id, HttpClient client, string token, LocalDataset data)
    {
        Id = id;
        Site = new FederatedSite(async (build, ct) =>
        {
            var request = build();
            request.Headers.Authorization = new("Bearer", token);
            if (request.Method == HttpMethod.Post && request.RequestUri!.OriginalString.EndsWith("/update", StringComparison.Ordinal))
            {
                // Buffered once here; the same buffer is what goes on the wire.
                var update = JsonSerializer.Deserialize<SiteUpdate>(await request.Content!.ReadAsByteArrayAsync(ct), Json)!;
                LastUpdate = (Convert.FromBase64String(update.Update!), update.Samples ?? 0);
            }

            return await client.SendAsync(request, ct);
        }, [data]);
    }

    public Guid Id { get; }
    public FederatedSite Site { get; }
    public (byte[] Update, long Samples) LastUpdate { get; private set; }

    /// <summary>One device per part of <paramref name="data"/>: its own one-time enrolment token, key and device token, then its dataset registered by summary.</summary>
    public static async Task<List<FederatedBenchSite>> EnrolAsync(HttpClient admin, HttpClient client, IReadOnlyList<LocalDataset> data, string region)
    {
        var batch = (await (await admin.PostAsJsonAsync("/api/v1/fleet/enrolment-tokens/batch", new { name = "federated-bench", labels = new { region }, count = data.Count }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        var secrets = batch["tokens"]!.AsArray().Select(t => t!["secret"]!.GetValue<string>()).ToList();
        var sites = new FederatedBenchSite[data.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, data.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var enrolled = (await (await client.PostAsJsonAsync(FleetApi.Enrol, new { token = secrets[i], name = $"fed-site-{i:000}", publicKey = Es256.PublicJwk(key) }, ct))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(ct))!;
            var id = Guid.Parse(enrolled["deviceId"]!.GetValue<string>());
            var now = DateTimeOffset.UtcNow;
            var assertion = Es256.Sign(key, new Dictionary<string, object>
            {
                ["iss"] = id.ToString(), ["sub"] = id.ToString(), ["aud"] = FleetApi.TokenAudience(id), ["iat"] = now.ToUnixTimeSeconds(),
                ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString(),
            });
            var token = (await (await client.PostAsJsonAsync(FleetApi.Token(id), new { assertion }, ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(ct))!;
            sites[i] = new FederatedBenchSite(id, client, token["accessToken"]!.GetValue<string>(), data[i]);
            await sites[i].Site.RegisterDatasetsAsync(ct);
        });
        return [.. sites];
    }

    /// <summary>Every site asks for its task and does it, <paramref name="concurrency"/> at a time, as polling sites would, until the federation ends: its final state.</summary>
    public static async Task<JsonObject> DriveAsync(HttpClient admin, Guid federation, IReadOnlyList<FederatedBenchSite> sites, int concurrency, TimeSpan limit)
    {
        var (until, progress) = (DateTimeOffset.UtcNow + limit, DateTimeOffset.UtcNow.AddSeconds(15));
        while (DateTimeOffset.UtcNow < until)
        {
            var state = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/federations/{federation}"))!;
            if (state["state"]!.GetValue<string>() is not ("Waiting" or "Running"))
            {
                return state;
            }

            if (DateTimeOffset.UtcNow > progress)
            {
                var round = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/federations/{federation}/rounds?limit=1"))!["items"]!.AsArray().FirstOrDefault();
                Console.Error.WriteLine($"  {state["completedRounds"]} rounds done; round {round?["number"]} attempt {round?["attempt"]} {round?["state"]} in {round?["phase"]} {round?["reason"]}");
                progress = DateTimeOffset.UtcNow.AddSeconds(15);
            }

            var sent = 0;
            await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (site, ct) =>
            {
                if (await site.Site.StepAsync(ct))
                {
                    Interlocked.Increment(ref sent);
                }
            });
            if (sent == 0)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"Federation {federation} did not end within {limit}.");
    }
}
