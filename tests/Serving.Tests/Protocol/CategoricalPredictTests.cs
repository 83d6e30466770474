using System.Text.Json.Nodes;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;
using Platform.Serving.State;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.Protocol;

/// <summary>
/// Issue 14, item 7: a model with a categorical feature (Grunfeld's <c>firm</c>) takes the raw value at serving time:
/// /predict records carry the firm's name, /infer a BYTES tensor, and both answer what ONNX Runtime gives in process.
/// </summary>
public sealed class CategoricalPredictTests : IAsyncLifetime
{
    private static readonly Lazy<(byte[] Model, FeatureTable Table)> Trained = new(Train);
    private ServingHost _host = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("platform-serving-categorical").FullName, "grunfeld.onnx");
        await File.WriteAllBytesAsync(path, Trained.Value.Model);
        _host = await ServingHost.StartAsync(new DesiredServingState
        {
            Endpoints = [new EndpointSpec { Name = "invest", Versions = [new VersionSpec { Version = "1", ModelPath = path, Weight = 100 }] }],
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Predict_takes_the_category_as_a_string_and_answers_what_onnx_runtime_gives()
    {
        var table = Trained.Value.Table.SelectRows([0, 45, 100]);
        var expected = Expected(table);
        var records = new JsonArray([.. Enumerable.Range(0, table.RowCount).Select(r => (JsonNode)new JsonObject
        {
            ["value"] = table.Rows[r][0], ["capital"] = table.Rows[r][1], ["year"] = table.Rows[r][2], ["firm"] = table.Categories[r][0],
        })]);

        var (status, response) = await _host.Client.PostAsync("/v2/models/invest/predict", new JsonObject { ["records"] = records });

        Assert.True(status == 200, $"status {status}: {response}");
        Assert.Equal(expected, response["predictions"]!.AsArray().Select(p => p!["score"]!.GetValue<float>()));
    }

    [Fact]
    public async Task An_unknown_or_missing_category_is_served_as_no_category_and_a_number_is_refused_naming_the_feature()
    {
        var row = Trained.Value.Table.SelectRows([0]);
        var expected = Expected(row with { Categories = [[null]] })[0];
        JsonObject Record(JsonNode? firm) => new() { ["value"] = row.Rows[0][0], ["capital"] = row.Rows[0][1], ["year"] = row.Rows[0][2], ["firm"] = firm };

        var (status, response) = await _host.Client.PostAsync("/v2/models/invest/predict", new JsonObject { ["records"] = new JsonArray(Record("Acme"), Record(null)) });

        Assert.True(status == 200, $"status {status}: {response}");
        Assert.Equal([expected, expected], response["predictions"]!.AsArray().Select(p => p!["score"]!.GetValue<float>()));
        var (bad, problem) = await _host.Client.PostAsync("/v2/models/invest/predict", new JsonObject { ["records"] = new JsonArray(Record(new JsonArray())) });
        Assert.Equal(400, bad);
        Assert.Contains("firm", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_takes_the_categories_as_a_bytes_tensor_and_metadata_names_them()
    {
        var table = Trained.Value.Table.SelectRows([3, 4]);
        var request = new JsonObject
        {
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "features", ["datatype"] = "FP32", ["shape"] = new JsonArray(2, 3), ["data"] = new JsonArray([.. table.Rows.SelectMany(r => r).Select(v => (JsonNode)v)]) },
                new JsonObject { ["name"] = "categories", ["datatype"] = "BYTES", ["shape"] = new JsonArray(2, 1), ["data"] = new JsonArray([.. table.Categories.Select(c => (JsonNode)c[0]!)]) }),
        };

        var (status, response) = await _host.Client.PostAsync("/v2/models/invest/infer", request);
        var (_, metadata) = await _host.Client.GetJsonAsync("/v2/models/invest");

        Assert.True(status == 200, $"status {status}: {response}");
        Assert.Equal(Expected(table), response["outputs"]![0]!["data"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Equal(["features:FP32", "categories:BYTES"], metadata["inputs"]!.AsArray().Select(i => $"{i!["name"]}:{i["datatype"]}"));
        Assert.Equal(["firm"], metadata["parameters"]!["categorical_feature_names"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    private static float[] Expected(FeatureTable table)
    {
        using var runner = new OnnxModelRunner(Trained.Value.Model);
        return runner.Run(table.Rows, table.Categories).Scores!;
    }

    private static (byte[], FeatureTable) Train()
    {
        var dataset = CsvDatasetReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "datasets", "grunfeld.csv"));
        var table = FeatureTableBuilder.Build(dataset, "invest", TrainingTask.Regression, ["value", "capital", "year", "firm"]);
        var model = ModelTrainer.Train(new TrainingRequest(
            TrainingTask.Regression, TrainerKind.LightGbm, table, null, new Dictionary<string, string> { ["numberOfIterations"] = "30", ["minimumExampleCountPerLeaf"] = "5" }, 7, "invest"));
        return (OnnxModelExporter.Export(model), table);
    }
}
