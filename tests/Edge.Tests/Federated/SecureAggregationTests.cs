using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Federated;
using Platform.Edge.Federated;
using Platform.Infrastructure.Persistence;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// A round under secure aggregation with 30 % of its sites dropping after masking: it completes, its new weights are
/// exactly the global weights plus the mean of the survivors' updates (computed here from what each survivor trained),
/// and what the server stores of each update is masked, then dropped.
/// </summary>
public sealed class SecureAggregationTests : IAsyncLifetime
{
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Theory]
    [InlineData("Float32")]
    [InlineData("Int8")]
    public async Task With_three_of_ten_sites_dropping_after_masking_the_round_adds_up_to_the_survivors_mean_and_the_server_holds_no_update_unmasked(string encoding)
    {
        const int Sites = 10;
        using var admin = await _platform.AdminAsync();
        var enrolled = await _platform.EnrolAsync(admin, Sites, new { plant = "secure" });
        var data = new FederatedDigits().Sites(Sites, alpha: 100);
        var sites = enrolled.Select((e, i) => (e.Id, Site: new FederatedSite(e.Client.Sender(), [data[i]]), Data: data[i], e.Client)).ToList();
        foreach (var site in sites)
        {
            await site.Site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var id = await StartAsync(admin, [.. enrolled.Select(e => e.Id)], encoding);
        var dropped = sites.Take(3).Select(s => s.Id).ToHashSet();
        var masked = new Dictionary<Guid, FederatedTask>();
        float[]? global = null;
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        while (masked.Count < Sites - dropped.Count || await RoundsAggregatedAsync(admin, id) == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < until, "the round did not aggregate within a minute");
            foreach (var site in sites)
            {
                if (await site.Site.TaskAsync(CancellationToken.None) is not { } task || (task.Phase == "MaskedUpdate" && dropped.Contains(site.Id)))
                {
                    continue;
                }

                if (task.Phase == "MaskedUpdate")
                {
                    masked[site.Id] = task;
                    global ??= await WeightsAsync(site.Client, task);
                }

                await site.Site.StepAsync(CancellationToken.None);
                if (task.Phase == "MaskedUpdate")
                {
                    await AssertStoredMaskedAsync(task, site.Id, Encoded(task, site.Data, global!));
                }
            }

            await Task.Delay(100);
        }

        var round = (await (await admin.GetAsync($"/api/v1/federations/{id}/rounds")).ExpectAsync()).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == 1);
        Assert.Equal(("Aggregated", Sites - dropped.Count), (round.GetProperty("state").GetString(), round.GetProperty("updates").GetInt32()));
        var expected = ExpectedWeights(global!, [.. masked.Select(m => (m.Value, sites.Single(s => s.Id == m.Key).Data))]);
        var next = await NextRoundWeightsAsync(sites.Select(s => (s.Site, s.Client)).ToList());
        Assert.Equal(expected, next);
        await AssertRoundKeepsNoBytesAsync(masked.First().Value.RoundId);
    }

    /// <summary>Global weights plus the mean of the survivors' updates, each encoded in the round's field as the site did, summed, decoded.</summary>
    private static float[] ExpectedWeights(float[] global, IReadOnlyList<(FederatedTask Task, LocalDataset Data)> survivors)
    {
        var field = Field(survivors[0].Task);
        var sum = new byte[field.Width.BytesFor(global.Length)];
        foreach (var (task, data) in survivors)
        {
            FieldVector.Add(sum, Encoded(task, data, global), field.Width);
        }

        var mean = Array.ConvertAll(field.Decode(sum, survivors.Count), v => v / survivors.Count);
        return [.. global.Zip(mean, (g, d) => g + (1f * d))];
    }

    private static FieldEncoding Field(FederatedTask task) => task.SecureAggregation!.FieldBits == 16
        ? FieldEncoding.Int8((float)task.SecureAggregation.Clip)
        : FieldEncoding.FixedPoint32((float)task.SecureAggregation.Clip);

    private static byte[] Encoded(FederatedTask task, LocalDataset data, float[] global) =>
        Field(task).Encode(SiteTraining.Run(task, data, global).Delta, new Random(task.Training.Seed));

    /// <summary>What the server keeps of a survivor's update is its masked vector: no longer than the plain one, and equal to it at next to no position.</summary>
    private async Task AssertStoredMaskedAsync(FederatedTask task, Guid device, byte[] plain)
    {
        await using var scope = _platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.FederationSubmissions.IgnoreQueryFilters().Where(s => s.RoundId == task.RoundId && s.DeviceId == device).Select(s => s.Payload).ToListAsync();
        var vector = Assert.Single(stored, p => p.Length == plain.Length);
        var size = task.SecureAggregation!.FieldBits / 8;
        var same = Enumerable.Range(0, plain.Length / size).Count(i => plain.AsSpan(i * size, size).SequenceEqual(vector.AsSpan(i * size, size)));
        Assert.True(same <= 3, $"the stored vector equals the plain update at {same} of {plain.Length / size} weights");
    }

    /// <summary>Once aggregated, a round keeps none of its messages' bytes (only their hashes and figures).</summary>
    private async Task AssertRoundKeepsNoBytesAsync(Guid round)
    {
        await using var scope = _platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sizes = await db.FederationSubmissions.IgnoreQueryFilters().Where(s => s.RoundId == round).Select(s => s.Payload).ToListAsync();
        Assert.NotEmpty(sizes);
        Assert.All(sizes, p => Assert.Empty(p));
    }

    private static async Task<float[]> NextRoundWeightsAsync(IReadOnlyList<(FederatedSite Site, HttpClient Client)> sites)
    {
        for (var i = 0; i < 100; i++)
        {
            foreach (var (site, client) in sites)
            {
                if (await site.TaskAsync(CancellationToken.None) is { Round: 2 } task)
                {
                    return await WeightsAsync(client, task);
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No site was asked for round 2.");
    }

    private static async Task<float[]> WeightsAsync(HttpClient client, FederatedTask task) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(await client.GetByteArrayAsync(task.WeightsPath)).ToArray();

    private static async Task<int> RoundsAggregatedAsync(HttpClient admin, Guid id) =>
        (await (await admin.GetAsync($"/api/v1/federations/{id}")).ExpectAsync()).GetProperty("completedRounds").GetInt32();

    private static async Task<Guid> StartAsync(HttpClient admin, IReadOnlyList<Guid> admitted, string encoding)
    {
        var experiment = await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"secure-{Guid.NewGuid():N}" })).ExpectAsync();
        var federation = await (await admin.PostAsJsonAsync("/api/v1/federations", new
        {
            experimentId = experiment.GetProperty("id").GetGuid(), name = "secure",
            plan = new
            {
                dataset = "digits", labelColumn = FederatedDigits.Label, selector = "plant=secure", rounds = 2, sampling = new { fraction = 1.0, minSites = 10 }, quorum = 6,
                secureAggregation = true, roundDeadlineSeconds = 5, compression = new { encoding },
            },
        })).ExpectAsync(201);
        var id = federation.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = admitted })).ExpectAsync();
        return id;
    }
}
