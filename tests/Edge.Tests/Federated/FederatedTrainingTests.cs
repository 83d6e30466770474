using System.Net.Http.Json;
using System.Text.Json;
using Platform.Edge.Federated;
using Platform.MachineLearning.Evaluation;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// Federated training end to end: 100 sites, each a fleet device with its own key and token holding its own non-IID part
/// of digits, train an MLP through the real Api; the model it leaves on its run is as accurate as central training.
/// </summary>
public sealed class FederatedTrainingTests : IAsyncLifetime
{
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_hundred_non_iid_sites_train_a_model_within_three_points_of_central_training_with_per_round_metrics_on_its_run()
    {
        const int Sites = 100, Rounds = 30;
        using var admin = await _platform.AdminAsync();
        var digits = new FederatedDigits();
        var enrolled = await _platform.EnrolAsync(admin, Sites, new { region = "eu" });
        var sites = enrolled.Zip(digits.Sites(Sites, alpha: 0.5), (e, data) => new FederatedSite(e.Client.Sender(), [data])).ToList();
        foreach (var site in sites)
        {
            await site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var holdout = string.Join('\n', [string.Join(',', digits.Test.ColumnNames), .. digits.Test.Rows.Select(r => string.Join(',', r))]);
        await (await admin.PostAsync("/api/v1/datasets/digits-holdout/versions", new StringContent(holdout, System.Text.Encoding.UTF8, "text/csv"))).ExpectAsync(201);
        var experiment = await (await admin.PostAsJsonAsync("/api/v1/experiments", new { name = $"federated-{Guid.NewGuid():N}" })).ExpectAsync();
        var federation = await (await admin.PostAsJsonAsync("/api/v1/federations", new
        {
            experimentId = experiment.GetProperty("id").GetGuid(), name = "digits-fedavg",
            plan = new
            {
                dataset = "digits", labelColumn = FederatedDigits.Label, selector = "region=eu", rounds = Rounds, model = new { kind = "Mlp", hidden = 32 },
                sampling = new { fraction = 1.0, minSites = Sites }, quorum = 90, training = new { epochs = 3, batchSize = 2, learningRate = 0.3 }, seed = 5,
                evaluation = new { dataset = "digits-holdout", version = 1 },
            },
        })).ExpectAsync(201);
        var id = federation.GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/v1/federations/{id}/sites", new { deviceIds = enrolled.Select(e => e.Id) })).ExpectAsync();

        var done = await FederatedRun.DriveAsync(admin, id, sites, TimeSpan.FromMinutes(4));

        Assert.Equal(("Completed", Rounds), (done.GetProperty("state").GetString(), done.GetProperty("completedRounds").GetInt32()));
        var runId = done.GetProperty("runId").GetGuid();
        var history = await (await admin.GetAsync($"/api/v1/runs/{runId}/metrics/history?key=federated.validation_accuracy&limit=100")).ExpectAsync();
        Assert.Equal(Enumerable.Range(1, Rounds).Select(r => (long)r), history.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("step").GetInt64()));
        var server = await (await admin.GetAsync($"/api/v1/runs/{runId}/metrics/history?key=server.accuracy&limit=100")).ExpectAsync();
        var serverAccuracy = server.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(Rounds, serverAccuracy.Count);
        Assert.True(serverAccuracy[^1] > serverAccuracy[0], $"the server's accuracy on the held-out version went from {serverAccuracy[0]:0.000} to {serverAccuracy[^1]:0.000}");
        var onnx = await admin.GetByteArrayAsync($"/api/v1/runs/{runId}/artifacts/model.onnx");
        var (testRows, testLabels) = digits.Numbers(digits.Test);
        using var runner = new OnnxModelRunner(onnx);
        var predicted = runner.Run(testRows).Labels!;
        var federated = predicted.Zip(testLabels, (p, l) => p == l ? 1.0 : 0).Average();
        var central = digits.CentralAccuracy();
        Assert.True(federated >= central - 0.03, $"federated accuracy {federated:0.000} is more than 3 points under central {central:0.000}");
        Assert.Equal("FederatedMlp", runner.Metadata.Trainer);
    }
}

/// <summary>Drives sites until a federation ends: every site asks for its task and does it, a few at a time (8 unless told), as real sites would poll.</summary>
internal static class FederatedRun
{
    public static async Task<JsonElement> DriveAsync(HttpClient admin, Guid federation, IReadOnlyList<FederatedSite> sites, TimeSpan limit, int concurrency = 8)
    {
        var until = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < until)
        {
            var state = await (await admin.GetAsync($"/api/v1/federations/{federation}")).ExpectAsync();
            if (state.GetProperty("state").GetString() is not ("Waiting" or "Running"))
            {
                return state;
            }

            var sent = 0;
            await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (site, ct) =>
            {
                if (await site.StepAsync(ct))
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
