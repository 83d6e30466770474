using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;
using Xunit.Abstractions;

namespace Platform.MachineLearning.Tests.EndToEnd;

/// <summary>Seeded split → train → export ONNX → evaluate the ONNX model on the held-out test split.</summary>
public sealed class TrainExportEvaluateTests(ITestOutputHelper output)
{
    [Fact]
    public void LightGbm_on_breast_cancer_reaches_auc_097_and_accuracy_093_on_the_test_split()
    {
        var report = EvaluateOnTestSplit(TrainerKind.LightGbm, Scenario.BreastCancer);

        var metrics = report.Classification!;
        Assert.True(metrics.RocAuc >= 0.97, $"ROC AUC {metrics.RocAuc:F4} < 0.97");
        Assert.True(metrics.Accuracy >= 0.93, $"accuracy {metrics.Accuracy:F4} < 0.93");
    }

    [Fact]
    public void LightGbm_on_digits_reaches_accuracy_093_on_the_test_split()
    {
        var report = EvaluateOnTestSplit(TrainerKind.LightGbm, Scenario.Digits);

        Assert.True(report.Classification!.Accuracy >= 0.93, $"accuracy {report.Classification.Accuracy:F4} < 0.93");
        Assert.Equal(10, report.Classification.ConfusionMatrix.Count);
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.Linear)]
    public void Regression_reports_r_squared_rmse_and_mae_on_the_test_split(TrainerKind trainer)
    {
        var report = EvaluateOnTestSplit(trainer, Scenario.Regression);

        var metrics = report.Regression!;
        Assert.Null(report.Classification);
        Assert.True(metrics.RSquared > 0.5, $"R² {metrics.RSquared:F4} <= 0.5 predicting {SampleData.RegressionTarget}");
        Assert.True(metrics.Rmse > 0 && metrics.Mae > 0 && metrics.Mae <= metrics.Rmse, $"RMSE {metrics.Rmse}, MAE {metrics.Mae}");
    }

    [Theory]
    [InlineData(TrainerKind.FastTree, Scenario.BreastCancer)]
    [InlineData(TrainerKind.Linear, Scenario.BreastCancer)]
    [InlineData(TrainerKind.FastTree, Scenario.Digits)]
    [InlineData(TrainerKind.Linear, Scenario.Digits)]
    [InlineData(TrainerKind.LightGbm, Scenario.Iris)]
    [InlineData(TrainerKind.FastTree, Scenario.Iris)]
    [InlineData(TrainerKind.Linear, Scenario.Iris)]
    public void Other_classifiers_reach_accuracy_090_on_the_test_split(TrainerKind trainer, Scenario scenario)
    {
        var report = EvaluateOnTestSplit(trainer, scenario);

        Assert.True(report.Classification!.Accuracy >= 0.90, $"accuracy {report.Classification.Accuracy:F4} < 0.90");
    }

    private EvaluationReport EvaluateOnTestSplit(TrainerKind trainer, Scenario scenario)
    {
        var model = TrainedModelCache.Get(trainer, scenario);
        var (_, _, test) = ScenarioTraining.Split(scenario);

        var report = OnnxModelEvaluator.Evaluate(OnnxModelExporter.Export(model), test);

        output.WriteLine(
            $"{trainer} {scenario}: rounds {model.Summary.Iterations}/{model.Summary.RequestedIterations}, test rows {report.RowCount}, " +
            (report.Classification is { } c
                ? $"accuracy {c.Accuracy:F4}, AUC {c.RocAuc:F4}, macro F1 {c.MacroF1:F4}, log loss {c.LogLoss:F4}"
                : $"R² {report.Regression!.RSquared:F4}, RMSE {report.Regression.Rmse:F4}, MAE {report.Regression.Mae:F4}") +
            $"; row p50 {report.Latency.RowP50Microseconds:F1} µs, p99 {report.Latency.RowP99Microseconds:F1} µs, {report.Latency.RowsPerSecond:F0} rows/s");
        return report;
    }
}
