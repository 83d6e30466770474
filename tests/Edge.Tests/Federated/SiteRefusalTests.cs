using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Federated;
using Platform.Edge.Federated;
using Platform.MachineLearning.Federated.Compression;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// What a round refuses, each with its reason, and that nothing refused is aggregated: an update of the wrong shape, one
/// with NaN, not base64, one claiming more samples than the site holds, a second different one, a replay of an earlier round's, one from a site the round did not
/// sample, and one from a site that never consented.
/// </summary>
public sealed class SiteRefusalTests : IAsyncLifetime
{
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Bad_updates_and_updates_from_sites_not_asked_are_refused_with_their_reason_and_not_aggregated()
    {
        using var admin = await _platform.AdminAsync();
        var enrolled = await _platform.EnrolAsync(admin, 5, new { plant = "p1" });
        var data = new FederatedDigits().Sites(5, alpha: 100);
        var sites = enrolled.Zip(data, (e, d) => (e.Id, e.Client, Site: new FederatedSite(e.Client.Sender(), [d]))).ToList();
        foreach (var site in sites)
        {
            await site.Site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var id = await StartAsync(admin, admitted: [.. enrolled.Take(4).Select(e => e.Id)]);
        var round = await OpenRoundAsync(admin, id);
        var sampled = round.GetProperty("sites").GetInt32();
        var tasks = new List<(Guid Id, HttpClient Client, FederatedSite Site, FederatedTask? Task)>();
        foreach (var s in sites)
        {
            tasks.Add((s.Id, s.Client, s.Site, await s.Site.TaskAsync(CancellationToken.None)));
        }

        var asked = tasks.Where(t => t.Task is not null).ToList();
        Assert.Equal(3, (sampled, asked.Count).Item2);
        var (first, task) = (asked[0], asked[0].Task!);
        var path = FederatedSiteApi.Update(task.FederationId, task.RoundId);
        var length = (await first.Client.GetByteArrayAsync(task.WeightsPath)).Length / 4;

        await Refused(first.Client, path, Update(UpdateEncoding.Encode(new float[length - 1])), 400, "model has");
        await Refused(first.Client, path, Update(NaNUpdate(length)), 400, "finite");
        await Refused(first.Client, path, new SiteUpdate("not base64!", 10, 0.5, 0, null, null), 400, "base64");
        await Refused(first.Client, path, Update(UpdateEncoding.Encode(new float[length])) with { Samples = 1_000_000 }, 400, "rows this site registered");
        var unsampled = tasks.Single(t => t.Task is null && t.Id != enrolled[4].Id);
        await Refused(unsampled.Client, path, Update(UpdateEncoding.Encode(new float[length])), 403, "not sampled");
        await Refused(sites[4].Client, path, Update(UpdateEncoding.Encode(new float[length])), 403, "not sampled");

        var good = Update(UpdateEncoding.Encode(Enumerable.Repeat(0.001f, length).ToArray()));
        await (await first.Client.PostAsJsonAsync(path, good)).ExpectAsync(200);
        var repeat = await (await first.Client.PostAsJsonAsync(path, good)).ExpectAsync(200);
        Assert.True(repeat.GetProperty("repeat").GetBoolean());
        await Refused(first.Client, path, Update(UpdateEncoding.Encode(Enumerable.Repeat(0.002f, length).ToArray())), 409, "different update");

        var sent = new Dictionary<Guid, SiteUpdate> { [first.Id] = good };
        foreach (var (other, i) in asked.Skip(1).Select((o, i) => (o, i)))
        {
            sent[other.Id] = Update(UpdateEncoding.Encode(Enumerable.Repeat(0.003f * (i + 1), length).ToArray()));
            await (await other.Client.PostAsJsonAsync(path, sent[other.Id])).ExpectAsync(200);
        }

        var next = await OpenRoundAsync(admin, id, after: task.RoundId);
        var rounds = await (await admin.GetAsync($"/api/v1/federations/{id}/rounds")).ExpectAsync();
        var closed = rounds.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == task.RoundId);
        Assert.Equal(("Aggregated", 3), (closed.GetProperty("state").GetString(), closed.GetProperty("updates").GetInt32()));
        await Refused(first.Client, path, good, 409, "closed");
        // Of the 4 consenting sites, 3 are sampled each round: at least two are asked again, and one replays its last update.
        var again = asked[0];
        foreach (var candidate in asked)
        {
            if (await candidate.Site.TaskAsync(CancellationToken.None) is not null)
            {
                again = candidate;
                break;
            }
        }

        await Refused(again.Client, FederatedSiteApi.Update(id, next.GetProperty("id").GetGuid()), sent[again.Id], 409, "earlier round");

        Assert.NotEqual(task.RoundId, next.GetProperty("id").GetGuid());
    }

    private static SiteUpdate Update(byte[] encoded) => new(Convert.ToBase64String(encoded), 10, 0.5, 2, 0.4, 0.5);

    private static byte[] NaNUpdate(int length)
    {
        var bytes = UpdateEncoding.Encode(new float[length]);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(6 + 4), float.NaN);
        return bytes;
    }

    private static async Task Refused(HttpClient client, string path, SiteUpdate update, int status, string reason)
    {
        var problem = await (await client.PostAsJsonAsync(path, update, JsonSerializerOptions.Web)).ExpectAsync(status);
        Assert.Contains(reason, problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Guid> StartAsync(HttpClient admin, IReadOnlyList<Guid> admitted)
    {
        var experiment = await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"refusals-{Guid.NewGuid():N}" })).ExpectAsync();
        var federation = await (await admin.PostAsJsonAsync("/api/v1/federations", new
        {
            experimentId = experiment.GetProperty("id").GetGuid(), name = "refusals",
            plan = new { dataset = "digits", labelColumn = FederatedDigits.Label, selector = "plant=p1", rounds = 3, sampling = new { fraction = 0.75, minSites = 3 }, quorum = 3 },
        })).ExpectAsync(201);
        var id = federation.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = admitted })).ExpectAsync();
        return id;
    }

    /// <summary>The federation's open round once the driver opened one (other than <paramref name="after"/>).</summary>
    private static async Task<JsonElement> OpenRoundAsync(HttpClient admin, Guid federation, Guid? after = null)
    {
        for (var i = 0; i < 200; i++)
        {
            var rounds = await (await admin.GetAsync($"/api/v1/federations/{federation}/rounds")).ExpectAsync();
            if (rounds.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("state").GetString() == "Open" && r.GetProperty("id").GetGuid() != after) is { ValueKind: JsonValueKind.Object } open)
            {
                return open;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Federation {federation} opened no round.");
    }
}
