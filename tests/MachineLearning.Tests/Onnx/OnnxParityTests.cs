using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;
using Xunit.Abstractions;

namespace Platform.MachineLearning.Tests.Onnx;

public sealed class OnnxParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(TrainerKind.LightGbm, Scenario.BreastCancer)]
    [InlineData(TrainerKind.LightGbm, Scenario.Iris)]
    [InlineData(TrainerKind.LightGbm, Scenario.Digits)]
    [InlineData(TrainerKind.LightGbm, Scenario.Regression)]
    [InlineData(TrainerKind.FastTree, Scenario.BreastCancer)]
    [InlineData(TrainerKind.FastTree, Scenario.Iris)]
    [InlineData(TrainerKind.FastTree, Scenario.Digits)]
    [InlineData(TrainerKind.FastTree, Scenario.Regression)]
    [InlineData(TrainerKind.Linear, Scenario.BreastCancer)]
    [InlineData(TrainerKind.Linear, Scenario.Iris)]
    [InlineData(TrainerKind.Linear, Scenario.Digits)]
    [InlineData(TrainerKind.Linear, Scenario.Regression)]
    public void Onnx_runtime_agrees_with_ml_net_on_every_row(TrainerKind trainer, Scenario scenario)
    {
        var model = TrainedModelCache.Get(trainer, scenario);
        var rows = SampleData.Table(scenario).Rows;

        var worst = ParityCheck.MaxDifference(model, rows);

        output.WriteLine($"{trainer} {scenario}: max |ML.NET - ONNX| = {worst.Difference:E2} over {rows.Length} rows");
        Assert.True(worst.Difference <= Tolerance, $"row {worst.Row}: ML.NET and ONNX Runtime differ by {worst.Difference:E3}");
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm, Scenario.BreastCancer)]
    [InlineData(TrainerKind.FastTree, Scenario.Iris)]
    [InlineData(TrainerKind.Linear, Scenario.Regression)]
    public void Onnx_runtime_agrees_with_ml_net_when_features_are_missing(TrainerKind trainer, Scenario scenario)
    {
        var table = WithMissingValues(SampleData.Table(scenario), fraction: 0.1, seed: 3);
        var model = ModelTrainer.Train(ScenarioTraining.Request(trainer, scenario, table));

        var worst = ParityCheck.MaxDifference(model, table.Rows);

        output.WriteLine($"{trainer} {scenario} with 10% missing: max difference {worst.Difference:E2}");
        Assert.True(worst.Difference <= Tolerance, $"row {worst.Row}: ML.NET and ONNX Runtime differ by {worst.Difference:E3}");
    }

    [Fact]
    public void The_label_output_is_the_most_probable_class()
    {
        var model = TrainedModelCache.Get(TrainerKind.FastTree, Scenario.Iris);
        using var runner = new OnnxModelRunner(OnnxModelExporter.Export(model));

        var outputs = runner.Run(SampleData.Table(Scenario.Iris).Rows);

        for (var r = 0; r < outputs.Labels!.Length; r++)
        {
            var probabilities = outputs.Probabilities![r];
            Assert.Equal(Array.IndexOf(probabilities, probabilities.Max()), outputs.Labels[r]);
        }
    }

    private static FeatureTable WithMissingValues(FeatureTable table, double fraction, int seed)
    {
        var random = new Random(seed);
        var rows = table.Rows.Select(row => row.Select(value => random.NextDouble() < fraction ? float.NaN : value).ToArray()).ToArray();
        return table with { Rows = rows };
    }
}
