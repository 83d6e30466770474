using System.Net.Http.Json;
using System.Text.Json;
using Platform.Edge.Federated;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// One small federation with central differential privacy, run once for the tests that take its model further: 24
/// sites of digits over the real Api (12 labelled <c>region=eu</c>, 8 <c>region=us</c>, 4 with no region), every site
/// in every round, softmax regression for three rounds, clipped to 1 with noise multiplier 1 and δ = 1e-5: ε ≈ 9.8.
/// The server's noise on the round's mean is zC/n a coordinate, so with 6 sites it drowned the model (25 % on the
/// holdout); 24 keep it useful (61–75 % over five runs: the server's noise is not seeded) and the fixture still takes a
/// few seconds past the Api's start.
/// </summary>
public sealed class PrivateFederation : IAsyncLifetime
{
    public const int Rounds = 3;
    public const int EuSites = 12, UsSites = 8, SitesWithoutRegion = 4;

    public FederatedPlatform Platform { get; } = new();

    internal FederatedDigits Digits { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The sites' device ids, which the model's lineage must not name.</summary>
    public IReadOnlyList<Guid> SiteIds { get; private set; } = [];

    /// <summary>The federation once it ended: its id, run and ε spent.</summary>
    public JsonElement Federation { get; private set; }

    public Guid RunId => Federation.GetProperty("runId").GetGuid();

    public double Epsilon => Federation.GetProperty("epsilonSpent").GetDouble();

    public async Task InitializeAsync()
    {
        Admin = await Platform.AdminAsync();
        var enrolled = new List<(Guid Id, HttpClient Client)>();
        enrolled.AddRange(await Platform.EnrolAsync(Admin, EuSites, new { cohort = "lineage", region = "eu" }));
        enrolled.AddRange(await Platform.EnrolAsync(Admin, UsSites, new { cohort = "lineage", region = "us" }));
        enrolled.AddRange(await Platform.EnrolAsync(Admin, SitesWithoutRegion, new { cohort = "lineage" }));
        SiteIds = [.. enrolled.Select(e => e.Id)];
        var sites = enrolled.Zip(Digits.Sites(enrolled.Count, alpha: 1.0), (e, data) => new FederatedSite(e.Client.Sender(), [data])).ToList();
        foreach (var site in sites)
        {
            await site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var experiment = await (await Admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"private-{Guid.NewGuid():N}" })).ExpectAsync();
        var federation = await (await Admin.PostAsJsonAsync("/api/v1/federations", new
        {
            experimentId = experiment.GetProperty("id").GetGuid(), name = "digits-private",
            plan = new
            {
                dataset = "digits", labelColumn = FederatedDigits.Label, selector = "cohort=lineage", rounds = Rounds, model = new { kind = "Softmax" },
                sampling = new { fraction = 1.0, minSites = SiteIds.Count }, quorum = SiteIds.Count, training = new { epochs = 3, batchSize = 8, learningRate = 0.3 },
                privacy = new { clipNorm = 1.0, noiseMultiplier = 1.0, delta = 1e-5 }, seed = 11,
            },
        })).ExpectAsync(201);
        var id = federation.GetProperty("id").GetGuid();
        await (await Admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = SiteIds })).ExpectAsync();

        Federation = await FederatedRun.DriveAsync(Admin, id, sites, TimeSpan.FromMinutes(1));
        Assert.Equal(("Completed", Rounds), (Federation.GetProperty("state").GetString(), Federation.GetProperty("completedRounds").GetInt32()));
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Platform.DisposeAsync();
    }
}
