using Platform.Edge.Federated;
using Platform.MachineLearning.Federated.Compression;
using Xunit.Abstractions;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// Int8 updates against float32 ones: the same federation (same sites, seeds and plan) run twice over the real Api, once
/// with each encoding. Each round receives a quarter of the bytes, less the int8 scale in each update's header, and the
/// final model is as accurate on the held-out part.
/// </summary>
public sealed class CompressionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Sites = 20, Rounds = 10, Hidden = 32;
    private readonly FederatedPlatform _platform = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Int8_rounds_receive_a_quarter_of_the_bytes_of_float32_ones_and_the_model_is_within_half_a_point_of_accuracy()
    {
        using var admin = await _platform.AdminAsync();
        var digits = new FederatedDigits();
        var enrolled = await _platform.EnrolAsync(admin, Sites, new { plant = "compression" });
        var sites = enrolled.Zip(digits.Sites(Sites, alpha: 10), (e, data) => new FederatedSite(e.Client.Sender(), [data])).ToList();
        foreach (var site in sites)
        {
            await site.RegisterDatasetsAsync(CancellationToken.None);
        }

        var ids = enrolled.Select(e => e.Id).ToList();
        var float32 = await RunAsync(admin, "Float32", sites, ids, digits);
        var int8 = await RunAsync(admin, "Int8", sites, ids, digits);
        output.WriteLine($"float32: accuracy {float32.Accuracy:0.0000}, {float32.Bytes.Average():0} bytes a round; int8: accuracy {int8.Accuracy:0.0000}, {int8.Bytes.Average():0} bytes a round");

        var parameters = (Hidden * float32.Features) + Hidden + (10 * Hidden) + 10;
        Assert.All(float32.Bytes, b => Assert.Equal(Sites * UpdateEncoding.SizeOf(UpdateFormat.Float32, parameters), b));
        Assert.All(int8.Bytes, b => Assert.Equal(Sites * UpdateEncoding.SizeOf(UpdateFormat.Int8, parameters), b));
        // The weights themselves take exactly a quarter; each int8 update's header also carries its scale (4 bytes), so the
        // whole is (4n + 6) / (n + 10) smaller: 3.986 for this model's n = 2,410, approaching 4 from below as n grows.
        var headers = (Float32: Sites * UpdateEncoding.SizeOf(UpdateFormat.Float32, 0), Int8: Sites * UpdateEncoding.SizeOf(UpdateFormat.Int8, 0));
        Assert.All(float32.Bytes.Zip(int8.Bytes), r => Assert.Equal(4.0, (r.First - headers.Float32) / (double)(r.Second - headers.Int8)));
        Assert.All(float32.Bytes.Zip(int8.Bytes), r => Assert.True(r.First / (double)r.Second >= 3.98, $"a round received {r.First} bytes with float32 but {r.Second} with int8"));
        Assert.True(Math.Abs(float32.Accuracy - int8.Accuracy) <= 0.005, $"the int8 model's held-out accuracy {int8.Accuracy:0.0000} is more than half a point from float32's {float32.Accuracy:0.0000}");
    }

    /// <summary>One federation of the plan with <paramref name="encoding"/>, to its end: each round's bytes received, and the held-out accuracy of its model.onnx.</summary>
    private static async Task<(List<double> Bytes, double Accuracy, int Features)> RunAsync(
        HttpClient admin, string encoding, IReadOnlyList<FederatedSite> sites, IEnumerable<Guid> ids, FederatedDigits digits)
    {
        var id = await admin.StartFederationAsync($"compression-{encoding.ToLowerInvariant()}", new
        {
            dataset = "digits", labelColumn = FederatedDigits.Label, selector = "plant=compression", rounds = Rounds, model = new { kind = "Mlp", hidden = Hidden },
            sampling = new { fraction = 1.0, minSites = Sites }, quorum = Sites, training = new { epochs = 2, batchSize = 8, learningRate = 0.3 },
            compression = new { encoding }, seed = 5,
        }, ids);
        // One site at a time: the updates arrive, and are summed, in the same order in both runs, so each run is repeatable
        // (in parallel, the float sums' order changes from run to run and the held-out accuracy by a test row or two).
        var done = await FederatedRun.DriveAsync(admin, id, sites, TimeSpan.FromMinutes(2), concurrency: 1);
        Assert.Equal(("Completed", Rounds), (done.GetProperty("state").GetString(), done.GetProperty("completedRounds").GetInt32()));
        var runId = done.GetProperty("runId").GetGuid();
        var bytes = await admin.MetricHistoryAsync(runId, "federated.bytes_received");
        Assert.Equal(Enumerable.Range(1, Rounds).Select(r => (long)r), bytes.Select(p => p.Step));
        var accuracy = digits.TestAccuracy(await admin.GetByteArrayAsync($"/api/v1/runs/{runId}/artifacts/model.onnx"));
        return ([.. bytes.Select(p => p.Value)], accuracy, done.GetProperty("features").GetArrayLength());
    }
}
