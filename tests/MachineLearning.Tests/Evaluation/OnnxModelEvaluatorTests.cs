using System.Text.Json;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Evaluation.Metrics;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Evaluation;

public sealed class OnnxModelEvaluatorTests
{
    private static byte[] IrisModel => OnnxModelExporter.Export(TrainedModelCache.Get(TrainerKind.LightGbm, Scenario.Iris));

    [Fact]
    public void Asking_for_cuda_with_the_cpu_package_falls_back_to_cpu_and_says_why()
    {
        var report = OnnxModelEvaluator.Evaluate(IrisModel, SampleData.Iris, new EvaluationOptions { ExecutionProvider = ExecutionProviderPreference.Cuda });

        Assert.Equal(("CUDA", "CPU"), (report.ExecutionProvider.Requested, report.ExecutionProvider.Used));
        Assert.Contains(nameof(EntryPointNotFoundException), report.ExecutionProvider.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", report.ExecutionProvider.AvailableProviders);
        Assert.NotNull(report.Classification);
    }

    [Fact]
    public void Cpu_is_used_without_a_fallback_reason_when_asked_for()
    {
        var report = OnnxModelEvaluator.Evaluate(IrisModel, SampleData.Iris);

        Assert.Equal(("CPU", "CPU", null), (report.ExecutionProvider.Requested, report.ExecutionProvider.Used, report.ExecutionProvider.FallbackReason));
    }

    [Fact]
    public void Metrics_match_those_computed_from_ml_net_predictions()
    {
        var model = TrainedModelCache.Get(TrainerKind.Linear, Scenario.Digits);
        var (_, _, test) = ScenarioTraining.Split(Scenario.Digits);
        var expected = ClassificationMetricsCalculator.Compute([.. test.Labels.Select(l => (int)l)], model.PredictWithMlNet(test.Rows), test.Classes);

        var report = OnnxModelEvaluator.Evaluate(OnnxModelExporter.Export(model), test, new EvaluationOptions { BatchSize = 64 });

        Assert.Equal(expected.Accuracy, report.Classification!.Accuracy);
        Assert.Equal(expected.ConfusionMatrix, report.Classification.ConfusionMatrix);
        Assert.Equal(expected.RocAuc!.Value, report.Classification.RocAuc!.Value, 6);
        Assert.Equal(expected.LogLoss, report.Classification.LogLoss, 5);
    }

    [Fact]
    public void Takes_features_by_name_whatever_the_dataset_column_order()
    {
        var iris = SampleData.Iris;
        var reversed = new Dataset([.. iris.ColumnNames.Reverse()], [.. iris.Rows.Select(row => row.Reverse().ToArray())]);

        var original = OnnxModelEvaluator.Evaluate(IrisModel, iris);
        var shuffled = OnnxModelEvaluator.Evaluate(IrisModel, reversed);

        Assert.Equal(original.Classification!.LogLoss, shuffled.Classification!.LogLoss);
    }

    [Fact]
    public void Reports_batches_throughput_and_single_row_latency_percentiles()
    {
        var report = OnnxModelEvaluator.Evaluate(IrisModel, SampleData.Iris, new EvaluationOptions { BatchSize = 32, LatencySampleRows = 50 });

        var latency = report.Latency;
        Assert.Equal((32, 5, 50), (latency.BatchSize, latency.BatchCount, latency.SingleRowSamples));
        Assert.True(latency.RowP50Microseconds > 0 && latency.RowP99Microseconds >= latency.RowP50Microseconds, $"p50 {latency.RowP50Microseconds}, p99 {latency.RowP99Microseconds}");
        Assert.True(latency.BatchP99Milliseconds >= latency.BatchP50Milliseconds && latency.RowsPerSecond > 0);
    }

    [Fact]
    public void The_report_round_trips_through_json()
    {
        var report = OnnxModelEvaluator.Evaluate(IrisModel, SampleData.Iris);

        var back = JsonSerializer.Deserialize<EvaluationReport>(JsonSerializer.Serialize(report))!;

        Assert.Equal(report.Model.FeatureNames, back.Model.FeatureNames);
        Assert.Equal(TrainingTask.MulticlassClassification, back.Model.Task);
        Assert.Equal(report.Classification!.Accuracy, back.Classification!.Accuracy);
        Assert.Equal(report.Classification.ConfusionMatrix, back.Classification.ConfusionMatrix);
        Assert.Equal(report.Latency, back.Latency);
        Assert.Null(back.Regression);
    }

    [Fact]
    public void Rejects_a_dataset_without_a_model_feature()
    {
        var withoutPetalWidth = new Dataset(
            [.. SampleData.Iris.ColumnNames.Where(c => c != "petal_width")],
            [.. SampleData.Iris.Rows.Select(row => row.Where((_, i) => i != 3).ToArray())]);

        var error = Assert.Throws<ArgumentException>(() => OnnxModelEvaluator.Evaluate(IrisModel, withoutPetalWidth));

        Assert.Contains("petal_width", error.Message, StringComparison.Ordinal);
    }
}
