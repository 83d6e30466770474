using System.Text.Json.Nodes;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Protocol;

/// <summary>Requests that do not fit the model's schema get 400 problem details naming the tensor and the fault.</summary>
public sealed class InputValidationTests : IAsyncLifetime
{
    private ServingHost _host = null!;

    public async Task InitializeAsync() => _host = await ServingHost.StartAsync(ServingHost.Endpoint("cancer", ("1", 100)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> InferFaults() => new()
    {
        { "wrong_name", "x", "unknown_input" },
        { "wrong_datatype", "features", "datatype" },
        { "wrong_shape", "features", "shape" },
        { "wrong_count", "features", "element_count" },
        { "non_numeric", "features", "non_numeric" },
    };

    [Theory]
    [MemberData(nameof(InferFaults))]
    public async Task Infer_rejects_a_request_that_breaks_the_schema_with_400_naming_the_tensor(string fault, string tensor, string expectedFault)
    {
        var body = Requests.Infer(TestModel.Row(0));
        var input = body["inputs"]![0]!.AsObject();
        switch (fault)
        {
            case "wrong_name": input["name"] = "x"; break;
            case "wrong_datatype": input["datatype"] = "FP64"; break;
            case "wrong_shape": input["shape"] = new JsonArray(1, 3); break;
            case "wrong_count": input["data"]!.AsArray().RemoveAt(0); break;
            default: input["data"]![4] = "four"; break;
        }

        var (status, problem) = await _host.Client.PostAsync("/v2/models/cancer/infer", body);

        Assert.True(status == 400, $"status {status}: {problem}");
        Assert.Equal(tensor, problem["tensor"]?.GetValue<string>());
        Assert.Equal(expectedFault, problem["fault"]?.GetValue<string>());
        Assert.Contains($"'{tensor}'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(problem["detail"]!.GetValue<string>(), problem["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task Predict_rejects_a_non_numeric_feature_naming_the_feature()
    {
        var body = Requests.Records(TestModel.Row(0));
        body["records"]![0]![TestModel.FeatureNames[3]] = "large";

        var (status, problem) = await _host.Client.PostAsync("/v2/models/cancer/predict", body);

        Assert.Equal(400, status);
        Assert.Equal("non_numeric", problem["fault"]?.GetValue<string>());
        Assert.Equal("features", problem["tensor"]?.GetValue<string>());
        Assert.Equal(TestModel.FeatureNames[3], problem["feature"]?.GetValue<string>());
    }

    [Fact]
    public async Task Predict_rejects_a_record_that_lacks_a_feature()
    {
        var body = Requests.Records(TestModel.Row(0));
        body["records"]![0]!.AsObject().Remove(TestModel.FeatureNames[7]);

        var (status, problem) = await _host.Client.PostAsync("/v2/models/cancer/predict", body);

        Assert.Equal(400, status);
        Assert.Equal("missing_input", problem["fault"]?.GetValue<string>());
        Assert.Equal(TestModel.FeatureNames[7], problem["feature"]?.GetValue<string>());
    }

    [Fact]
    public async Task Predict_rejects_an_array_record_of_the_wrong_length()
    {
        var body = new JsonObject { ["records"] = new JsonArray(new JsonArray(1, 2, 3)) };

        var (status, problem) = await _host.Client.PostAsync("/v2/models/cancer/predict", body);

        Assert.Equal(400, status);
        Assert.Equal("element_count", problem["fault"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_model_is_404()
    {
        var (status, _) = await _host.Client.PostAsync("/v2/models/nothing/infer", Requests.Infer(TestModel.Row(0)));

        Assert.Equal(404, status);
    }
}
