using System.Globalization;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Batching;

/// <summary>Concurrent single-row requests share ONNX Runtime calls, and each caller still gets its own row's answer.</summary>
public sealed class MicroBatchingTests
{
    private const int Requests = 256;

    [Fact]
    public async Task Concurrent_single_row_requests_are_batched_and_each_gets_its_own_answer()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)), maxBatchSize: 32, maxBatchDelayMilliseconds: 2);
        var rows = Enumerable.Range(0, Requests).Select(TestModel.Row).ToArray();
        var (labels, probabilities) = TestModel.BareRun(rows);
        using var start = new ManualResetEventSlim();

        var calls = rows.Select((row, i) => Task.Run(async () =>
        {
            start.Wait();
            return (i, await host.Client.PostAsync("/v2/models/cancer/predict", Support.Requests.Records(row)));
        })).ToArray();
        start.Set();
        var answers = await Task.WhenAll(calls);

        foreach (var (i, (status, body)) in answers)
        {
            Assert.True(status == 200, $"request {i}: {status} {body}");
            var prediction = body["predictions"]![0]!;
            Assert.Equal(labels[i].ToString(CultureInfo.InvariantCulture), prediction["label"]!.GetValue<string>());
            Assert.Equal(probabilities[(i * 2) + 1], prediction["probabilities"]!["1"]!.GetValue<float>());
        }

        var runs = host.State.Current.Endpoints["cancer"].Versions[0].Model.RunCount;
        Assert.True(runs < Requests, $"{runs} ONNX Runtime calls for {Requests} concurrent requests: nothing was batched");
    }

    [Fact]
    public async Task A_batch_size_of_one_runs_every_request_alone()
    {
        await using var host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)), maxBatchSize: 1);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.Client.PostAsync("/v2/models/cancer/predict", Support.Requests.Records(TestModel.Row(i)))));

        Assert.Equal(20, host.State.Current.Endpoints["cancer"].Versions[0].Model.RunCount);
    }
}
