using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Protocol;

/// <summary>What the server answers equals what a bare InferenceSession.Run gives for the same rows.</summary>
public sealed class InferenceParityTests : IAsyncLifetime
{
    private static readonly float[][] Rows = [.. Enumerable.Range(0, 5).Select(i => TestModel.Row(i * 37))];
    private ServingHost _host = null!;

    public async Task InitializeAsync() => _host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task V2_infer_returns_what_a_bare_session_run_returns()
    {
        var (labels, probabilities) = TestModel.BareRun(Rows);

        var (status, response) = await _host.Client.PostAsync("/v2/models/cancer/infer", Requests.Infer(Rows));

        Assert.True(status == 200, $"status {status}: {response}");
        Assert.Equal("cancer", response["model_name"]!.GetValue<string>());
        Assert.Equal("1", response["model_version"]!.GetValue<string>());
        Assert.Equal("test", response["id"]!.GetValue<string>());
        var outputs = response["outputs"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!);
        Assert.Equal("INT64", outputs["label"]["datatype"]!.GetValue<string>());
        Assert.Equal([Rows.Length], outputs["label"]["shape"]!.AsArray().Select(d => d!.GetValue<long>()));
        Assert.Equal(labels, outputs["label"]["data"]!.AsArray().Select(v => v!.GetValue<long>()));
        Assert.Equal([Rows.Length, 2L], outputs["probabilities"]["shape"]!.AsArray().Select(d => d!.GetValue<long>()));
        Assert.Equal(probabilities, outputs["probabilities"]["data"]!.AsArray().Select(v => v!.GetValue<float>()));
    }

    [Fact]
    public async Task Predict_answers_each_record_with_its_class_and_probabilities()
    {
        var (labels, probabilities) = TestModel.BareRun(Rows);

        var (status, response) = await _host.Client.PostAsync("/v2/models/cancer/predict", Requests.Records(Rows));

        Assert.True(status == 200, $"status {status}: {response}");
        var predictions = response["predictions"]!.AsArray();
        Assert.Equal(Rows.Length, predictions.Count);
        for (var i = 0; i < Rows.Length; i++)
        {
            Assert.Equal(labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture), predictions[i]!["label"]!.GetValue<string>());
            Assert.Equal(probabilities[(i * 2) + 1], predictions[i]!["probabilities"]!["1"]!.GetValue<float>());
        }
    }

    [Fact]
    public async Task Model_metadata_lists_the_inputs_and_outputs_with_datatype_and_shape()
    {
        var (status, metadata) = await _host.Client.GetJsonAsync("/v2/models/cancer");

        Assert.Equal(200, status);
        Assert.Equal(["1"], metadata["versions"]!.AsArray().Select(v => v!.GetValue<string>()));
        var input = metadata["inputs"]![0]!;
        Assert.Equal("features", input["name"]!.GetValue<string>());
        Assert.Equal("FP32", input["datatype"]!.GetValue<string>());
        Assert.Equal([-1L, TestModel.FeatureCount], input["shape"]!.AsArray().Select(d => d!.GetValue<long>()));
        Assert.Equal(["label", "probabilities"], metadata["outputs"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Health_and_model_readiness_answer_200()
    {
        Assert.Equal(200, (await _host.Client.GetJsonAsync("/v2/health/live")).Status);
        Assert.Equal(200, (await _host.Client.GetJsonAsync("/v2/health/ready")).Status);
        Assert.Equal(200, (await _host.Client.GetJsonAsync("/v2/models/cancer/ready")).Status);
        Assert.Equal(200, (await _host.Client.GetJsonAsync("/v2/models/cancer/versions/1/ready")).Status);
        Assert.Equal(404, (await _host.Client.GetJsonAsync("/v2/models/cancer/versions/9/ready")).Status);
    }
}
