using System.Globalization;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;
using Xunit.Abstractions;

namespace Platform.MachineLearning.Tests.Onnx;

/// <summary>
/// Issue 14, item 7: a categorical feature (Grunfeld's <c>firm</c>, 11 firms) is one-hot encoded inside the ONNX graph,
/// so ONNX Runtime takes the raw value and agrees with ML.NET on every row; an unknown or missing firm is encoded as no
/// firm, alike on both sides.
/// </summary>
public sealed class CategoricalParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(TrainerKind.LightGbm, TrainingTask.Regression)]
    [InlineData(TrainerKind.FastTree, TrainingTask.Regression)]
    [InlineData(TrainerKind.Linear, TrainingTask.Regression)]
    [InlineData(TrainerKind.LightGbm, TrainingTask.BinaryClassification)]
    [InlineData(TrainerKind.FastTree, TrainingTask.BinaryClassification)]
    [InlineData(TrainerKind.Linear, TrainingTask.BinaryClassification)]
    public void Onnx_runtime_takes_the_raw_category_and_agrees_with_ml_net(TrainerKind trainer, TrainingTask task)
    {
        var table = Table(task);
        var model = Train(trainer, task, table);
        var probe = table with { Categories = [.. table.Categories.Select((row, i) => i % 7 == 0 ? [i % 2 == 0 ? "Acme Corp" : null] : row)] };

        var worst = MaxRelativeDifference(model, probe);

        output.WriteLine($"{trainer} {task} on grunfeld: max relative |ML.NET - ONNX| = {worst.Difference:E2} over {probe.RowCount} rows");
        Assert.True(worst.Difference <= Tolerance, $"row {worst.Row}: ML.NET and ONNX Runtime differ by {worst.Difference:E3}");
    }

    [Fact]
    public void The_model_takes_numeric_features_as_one_tensor_and_categorical_ones_as_a_string_tensor()
    {
        var model = Train(TrainerKind.LightGbm, TrainingTask.Regression, Table(TrainingTask.Regression));
        using var runner = new OnnxModelRunner(OnnxModelExporter.Export(model));

        Assert.Equal(["value", "capital", "year"], runner.Metadata.FeatureNames);
        Assert.Equal(["firm"], runner.Metadata.CategoricalFeatureNames);
    }

    [Fact]
    public void The_category_matters_to_the_model()
    {
        var table = Table(TrainingTask.Regression);
        var model = Train(TrainerKind.Linear, TrainingTask.Regression, table);
        var first = table.SelectRows([0]);
        using var runner = new OnnxModelRunner(OnnxModelExporter.Export(model));

        var asGm = runner.Run(first.Rows, [["General Motors"]]).Scores![0];
        var asIbm = runner.Run(first.Rows, [["IBM"]]).Scores![0];

        Assert.True(Math.Abs(asGm - asIbm) > 1, $"General Motors {asGm} and IBM {asIbm} score alike");
    }

    /// <summary>Grunfeld investment data; the binary task asks whether a year's investment is above the median of all.</summary>
    private static FeatureTable Table(TrainingTask task)
    {
        var data = CsvDatasetReader.ReadFile(SampleData.PathOf("grunfeld.csv"));
        if (task == TrainingTask.Regression)
        {
            return FeatureTableBuilder.Build(data, "invest", task);
        }

        var invest = data.Column("invest").Select(v => double.Parse(v!, CultureInfo.InvariantCulture)).Order().ToArray();
        var median = invest[invest.Length / 2];
        var rows = data.Rows.Select(r => (string?[])[.. r, double.Parse(r[0]!, CultureInfo.InvariantCulture) > median ? "1" : "0"]).ToArray();
        var labelled = new Dataset([.. data.ColumnNames, "high"], rows);
        return FeatureTableBuilder.Build(labelled, "high", task, ["value", "capital", "firm", "year"]);
    }

    private static TrainedModel Train(TrainerKind trainer, TrainingTask task, FeatureTable table)
    {
        var split = DatasetSplitter.ByFractions(table.RowCount, new SplitFractions(0.7, 0.15, 0.15), ScenarioTraining.Seed);
        var hyperparameters = trainer == TrainerKind.Linear ? [] : new Dictionary<string, string> { ["numberOfIterations"] = "50", ["minimumExampleCountPerLeaf"] = "5" };
        return ModelTrainer.Train(new TrainingRequest(
            task, trainer, table.SelectRows(split.Train), table.SelectRows(split.Validation), hyperparameters, ScenarioTraining.Seed, "invest"));
    }

    private static (double Difference, int Row) MaxRelativeDifference(TrainedModel model, FeatureTable table)
    {
        var expected = model.PredictWithMlNet(table);
        using var runner = new OnnxModelRunner(OnnxModelExporter.Export(model));
        var actual = runner.Run(table.Rows, table.Categories);
        var worst = (Difference: 0.0, Row: -1);
        for (var r = 0; r < table.RowCount; r++)
        {
            float[] onnx = actual.Scores is { } scores ? [scores[r]] : actual.Probabilities![r];
            for (var k = 0; k < onnx.Length; k++)
            {
                var difference = Math.Abs(expected[r][k] - onnx[k]) / Math.Max(1, Math.Abs(expected[r][k]));
                if (difference > worst.Difference || double.IsNaN(difference))
                {
                    worst = (double.IsNaN(difference) ? double.PositiveInfinity : difference, r);
                }
            }
        }

        return worst;
    }
}
