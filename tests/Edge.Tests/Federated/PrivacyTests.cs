using Platform.Edge.Federated;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Federated.Privacy;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// Central differential privacy over the real Api: each aggregated round reports the ε spent so far (the run's
/// <c>dp.epsilon</c>, the round's and the federation's), which is what MachineLearning's RDP accountant gives for the
/// rounds' sampling rates, computed here; and a budget that the planned rounds would pass stops the federation before
/// the round that would pass it, with the model of the rounds done.
/// </summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    // 8 sites, half sampled each round (q = 0.5), noise multiplier 1.5: ε grows by about 0.5 to 1 a round.
    private const int Sites = 8;
    private const double Fraction = 0.5, ClipNorm = 1.0, NoiseMultiplier = 1.5, Delta = 1e-5;
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Each_round_reports_the_epsilon_the_RDP_accountant_gives_for_the_sampling_rates_of_the_rounds_so_far()
    {
        const int Rounds = 4;
        using var admin = await _platform.AdminAsync();
        var (sites, ids) = await SitesAsync(admin, "dp-per-round");
        var id = await admin.StartFederationAsync("dp-per-round", Plan("dp-per-round", Rounds, budget: null), ids);

        var done = await FederatedRun.DriveAsync(admin, id, sites, TimeSpan.FromMinutes(2), concurrency: 1);

        Assert.Equal(("Completed", Rounds), (done.GetProperty("state").GetString(), done.GetProperty("completedRounds").GetInt32()));
        var rounds = await admin.AggregatedRoundsAsync(id);
        var expected = Spent(rounds.Select(r => (double)r.GetProperty("sites").GetInt32() / Sites));
        var history = await admin.MetricHistoryAsync(done.GetProperty("runId").GetGuid(), "dp.epsilon");
        Assert.Equal(Enumerable.Range(1, Rounds).Select(r => (long)r), history.Select(p => p.Step));
        for (var i = 0; i < Rounds; i++)
        {
            AssertSameEpsilon(expected[i], history[i].Value, $"dp.epsilon at round {i + 1}");
            AssertSameEpsilon(expected[i], rounds[i].GetProperty("epsilon").GetDouble(), $"round {i + 1}'s epsilon");
            if (i > 0)
            {
                Assert.True(history[i].Value > history[i - 1].Value, $"ε did not grow from round {i} ({history[i - 1].Value}) to round {i + 1} ({history[i].Value})");
            }
        }

        AssertSameEpsilon(expected[^1], done.GetProperty("epsilonSpent").GetDouble(), "the federation's epsilonSpent");
    }

    [Fact]
    public async Task A_budget_the_planned_rounds_would_pass_stops_the_federation_at_the_round_that_would_pass_it_with_the_model_of_the_rounds_done()
    {
        const int Rounds = 10;
        const double Budget = 5.0;
        // The sampling the plan asks (ceil(0.5 · 8) = 4 of the 8 sites a round), and the rounds whose ε stays within the budget.
        var rate = Math.Ceiling(Fraction * Sites) / Sites;
        var spent = Spent(Enumerable.Repeat(rate, Rounds));
        var within = spent.Count(e => e <= Budget);
        Assert.True(within is > 0 and < Rounds, $"the test needs a budget ({Budget}) that some but not all of the planned rounds stay within: ε by round is {string.Join(", ", spent.Select(e => e.ToString("0.###")))}");
        using var admin = await _platform.AdminAsync();
        var (sites, ids) = await SitesAsync(admin, "dp-budget");
        var id = await admin.StartFederationAsync("dp-budget", Plan("dp-budget", Rounds, Budget), ids);

        var done = await FederatedRun.DriveAsync(admin, id, sites, TimeSpan.FromMinutes(2), concurrency: 1);

        var (state, completed, reason) = (done.GetProperty("state").GetString(), done.GetProperty("completedRounds").GetInt32(), done.GetProperty("reason").GetString()!);
        Assert.True(
            (state, completed) == ("Stopped", within),
            $"the federation ended {state} after {completed} round(s), ε spent {done.GetProperty("epsilonSpent")} ('{reason}'); with a budget of {Budget} it stops after round {within} (ε {spent[within - 1]:0.###}), before round {within + 1} (ε {spent[within]:0.###})");
        Assert.StartsWith($"Round {within + 1} would spend ε = {spent[within]:0.###}", reason, StringComparison.Ordinal);
        var rounds = await admin.AggregatedRoundsAsync(id);
        Assert.Equal(Enumerable.Range(1, within), rounds.Select(r => r.GetProperty("number").GetInt32()));
        Assert.All(rounds, r => Assert.Equal(rate, r.GetProperty("sites").GetInt32() / (double)Sites));
        AssertSameEpsilon(spent[within - 1], done.GetProperty("epsilonSpent").GetDouble(), "the federation's epsilonSpent");
        var runId = done.GetProperty("runId").GetGuid();
        var run = await (await admin.GetAsync($"/api/v1/runs/{runId}")).ExpectAsync();
        Assert.Equal("Finished", run.GetProperty("status").GetString());
        using var model = new OnnxModelRunner(await admin.GetByteArrayAsync($"/api/v1/runs/{runId}/artifacts/model.onnx"));
        Assert.Equal(within.ToString(System.Globalization.CultureInfo.InvariantCulture), model.Metadata.Hyperparameters["rounds"]);
    }

    /// <summary>ε after each of the rounds at <paramref name="rates"/>, for the plan's noise multiplier and δ, by MachineLearning's accountant.</summary>
    private static List<double> Spent(IEnumerable<double> rates)
    {
        var (accountant, spent) = (new RdpAccountant(), new List<double>());
        foreach (var rate in rates)
        {
            accountant.Add(rate, NoiseMultiplier);
            spent.Add(accountant.Epsilon(Delta));
        }

        return spent;
    }

    private static void AssertSameEpsilon(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * expected, $"{what} is {actual:R}; the accountant gives {expected:R} for the rounds' sampling rates");

    private static object Plan(string selector, int rounds, double? budget) => new
    {
        dataset = "digits", labelColumn = FederatedDigits.Label, selector = $"plant={selector}", rounds, sampling = new { fraction = Fraction, minSites = 2 }, quorum = 2,
        privacy = new { clipNorm = ClipNorm, noiseMultiplier = NoiseMultiplier, delta = Delta, epsilonBudget = budget }, seed = 11,
    };

    private async Task<(List<FederatedSite> Sites, List<Guid> Ids)> SitesAsync(HttpClient admin, string plant)
    {
        var enrolled = await _platform.EnrolAsync(admin, Sites, new { plant });
        var data = new FederatedDigits().Sites(Sites, alpha: 100);
        var sites = enrolled.Zip(data, (e, d) => new FederatedSite(e.Client.Sender(), [d])).ToList();
        foreach (var site in sites)
        {
            await site.RegisterDatasetsAsync(CancellationToken.None);
        }

        return (sites, [.. enrolled.Select(e => e.Id)]);
    }
}
