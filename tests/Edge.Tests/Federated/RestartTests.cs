using System.Net.Http.Json;
using System.Text.Json;
using Platform.Edge.Federated;

namespace Platform.Edge.Tests.Federated;

/// <summary>The Api restarting in the middle of a round: the federation goes on from its last aggregated round, the updates already taken count, and no round is aggregated twice.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_restart_mid_round_continues_from_the_last_aggregated_round_and_aggregates_none_twice()
    {

        var admin = await _platform.AdminAsync();
        var enrolled = await _platform.EnrolAsync(admin, Sites, new { plant = "restart" });
        var data = new FederatedDigits().Sites(Sites, alpha: 1);
        var sites = enrolled.Select((e, i) => new FederatedSite(_platform.SenderFor(e.Client), [data[i]])).ToList();
        foreach (var site in sites)
        {
            await site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var id = await StartAsync(admin, [.. enrolled.Select(e => e.Id)]);
        while (await CompletedAsync(admin, id) < 2)
        {
            foreach (var site in sites)
            {
                await site.StepAsync(CancellationToken.None);
            }

            await Task.Delay(50);
        }

        var sentBefore = 0;
        for (var i = 0; i < 200 && sentBefore < Sites / 2; i++)
        {
            sentBefore += await sites[sentBefore].StepAsync(CancellationToken.None) ? 1 : 0;
            await Task.Delay(sentBefore < Sites / 2 ? 20 : 0);
        }

        var before = await CompletedAsync(admin, id);
        await _platform.RestartAsync();
        admin.Dispose();
        admin = await _platform.AdminAsync();
        Assert.Equal(before, await CompletedAsync(admin, id));
        var done = await FederatedRun.DriveAsync(admin, id, sites, TimeSpan.FromMinutes(2));

        Assert.Equal(("Completed", Rounds), (done.GetProperty("state").GetString(), done.GetProperty("completedRounds").GetInt32()));
        var rounds = (await (await admin.GetAsync($"/api/v1/federations/{id}/rounds?limit=100")).ExpectAsync()).GetProperty("items").EnumerateArray().ToList();
        var aggregated = rounds.Where(r => r.GetProperty("state").GetString() == "Aggregated").Select(r => r.GetProperty("number").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(1, Rounds), aggregated);
        var resumed = rounds.Single(r => r.GetProperty("number").GetInt32() == before + 1);
        Assert.Equal(Sites, resumed.GetProperty("updates").GetInt32());
        var history = await (await admin.GetAsync($"/api/v1/runs/{done.GetProperty("runId").GetGuid()}/metrics/history?key=federated.sites&limit=100")).ExpectAsync();
        Assert.Equal(Enumerable.Range(1, Rounds).Select(r => (long)r), history.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("step").GetInt64()));
        admin.Dispose();
    }

    private static async Task<int> CompletedAsync(HttpClient admin, Guid id) =>
        (await (await admin.GetAsync($"/api/v1/federations/{id}")).ExpectAsync()).GetProperty("completedRounds").GetInt32();

    private static async Task<Guid> StartAsync(HttpClient admin, IReadOnlyList<Guid> admitted)
    {
        var experiment = await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"restart-{Guid.NewGuid():N}" })).ExpectAsync();
        var federation = await (await admin.PostAsJsonAsync("/api/v1/federations", new
        {
            experimentId = experiment.GetProperty("id").GetGuid(), name = "restart",
            plan = new { dataset = "digits", labelColumn = FederatedDigits.Label, selector = "plant=restart", rounds = Rounds, sampling = new { fraction = 1.0, minSites = Sites }, quorum = Sites },
        })).ExpectAsync(201);
        var id = federation.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = admitted })).ExpectAsync();
        return id;
    }

    private const int Sites = 8, Rounds = 5;
}
