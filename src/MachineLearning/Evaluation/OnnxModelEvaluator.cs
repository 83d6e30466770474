using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation.Metrics;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// Evaluates an exported ONNX model on a dataset with ONNX Runtime: features are taken by the names in
/// the model's metadata, predictions are made in batches, and the task's metrics and latency figures
/// are reported in an <see cref="EvaluationReport"/>.
/// </summary>
public static class OnnxModelEvaluator
{
    /// <summary>Evaluates on a dataset holding the model's feature columns and its label column.</summary>
    public static EvaluationReport Evaluate(byte[] model, Dataset dataset, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new EvaluationOptions();
        using var runner = new OnnxModelRunner(model, options);
        var metadata = runner.Metadata;
        var table = FeatureTableBuilder.Build(
            dataset,
            options.LabelColumn ?? metadata.LabelColumn,
            metadata.Task,
            [.. metadata.FeatureNames, .. metadata.CategoricalFeatureNames],
            metadata.Task == TrainingTask.Regression ? null : metadata.Classes,
            metadata.CategoricalFeatureNames);
        return Evaluate(runner, table, options, cancellationToken);
    }

    /// <summary>Evaluates on feature rows already in the model's feature order.</summary>
    public static EvaluationReport Evaluate(byte[] model, FeatureTable table, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new EvaluationOptions();
        using var runner = new OnnxModelRunner(model, options);
        if (!table.FeatureNames.SequenceEqual(runner.Metadata.FeatureNames) || !table.CategoricalNames.SequenceEqual(runner.Metadata.CategoricalFeatureNames))
        {
            throw new ArgumentException("The table's features are not the model's features in the model's order.", nameof(table));
        }

        return Evaluate(runner, table, options, cancellationToken);
    }

    private static EvaluationReport Evaluate(OnnxModelRunner runner, FeatureTable table, EvaluationOptions options, CancellationToken cancellationToken)
    {
        if (table.RowCount == 0)
        {
            throw new ArgumentException("There are no rows to evaluate.", nameof(table));
        }

        var categories = table.CategoricalNames.Count == 0 ? null : table.Categories;
        runner.Run([.. table.Rows.Take(options.BatchSize)], categories, options.BatchSize, cancellationToken);
        var outputs = runner.Run(table.Rows, categories, options.BatchSize, cancellationToken);
        var latencies = runner.MeasureRowLatency([.. table.Rows.Take(options.LatencySampleRows)], categories);
        var batchSeconds = outputs.BatchMilliseconds.Sum() / 1000;
        var latency = new LatencyReport(
            options.BatchSize,
            outputs.BatchMilliseconds.Count,
            Percentile.Of(outputs.BatchMilliseconds, 50),
            Percentile.Of(outputs.BatchMilliseconds, 99),
            batchSeconds > 0 ? table.RowCount / batchSeconds : 0,
            latencies.Length,
            Percentile.Of(latencies, 50),
            Percentile.Of(latencies, 99));

        var metadata = runner.Metadata;
        ClassificationMetrics? classification = null;
        RegressionMetrics? regression = null;
        if (metadata.Task == TrainingTask.Regression)
        {
            regression = RegressionMetricsCalculator.Compute([.. table.Labels.Select(l => (double)l)], [.. outputs.Scores!.Select(s => (double)s)]);
        }
        else
        {
            classification = ClassificationMetricsCalculator.Compute(
                [.. table.Labels.Select(l => (int)l)], outputs.Probabilities!, metadata.Classes, [.. outputs.Labels!.Select(l => (int)l)]);
        }

        return new EvaluationReport(metadata, table.RowCount, runner.Provider, classification, regression, latency, DateTimeOffset.UtcNow);
    }
}
