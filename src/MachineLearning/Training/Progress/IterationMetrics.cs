using Platform.MachineLearning.Evaluation.Metrics;
using Platform.MachineLearning.Training.Model;

namespace Platform.MachineLearning.Training.Progress;

/// <summary>
/// Per-round metrics of a trained model, computed after training by scoring the training and
/// validation rows with the first k rounds of the ensemble for k = 1..n (ML.NET gives no
/// per-iteration hook). Linear models report one round. For LightGBM multiclass, ML.NET drops
/// split-less trees of a class, so round k takes each class's first k kept trees: close to, but not
/// always exactly, LightGBM's own round k.
/// </summary>
internal static class IterationMetrics
{
    /// <summary>Reports every round and returns the metrics of the last (the final model).</summary>
    public static IReadOnlyDictionary<string, double> Report(
        ModelDefinition model,
        FeatureTable training,
        FeatureTable? validation,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var sets = new List<(string Prefix, FeatureTable Table, float[][] Rows, double[][] Raw)> { Prepare("train", model, training) };
        if (validation is { RowCount: > 0 })
        {
            sets.Add(Prepare("validation", model, validation));
        }

        var rounds = model.Score.Iterations;
        var metrics = new Dictionary<string, double>();
        for (var round = 0; round < rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            metrics = [];
            foreach (var (prefix, table, rows, raw) in sets)
            {
                for (var r = 0; r < rows.Length; r++)
                {
                    model.Score.AddIteration(round, rows[r], raw[r]);
                }

                AddMetrics(metrics, prefix, model, table, raw);
            }

            progress?.Report(new TrainingProgress(
                TrainingPhase.Iteration, $"Round {round + 1} of {rounds}", round + 1, rounds, metrics));
        }

        return metrics;
    }

    private static (string, FeatureTable, float[][], double[][]) Prepare(string prefix, ModelDefinition model, FeatureTable table) =>
        (prefix, table,
         [.. table.Rows.Select(row => model.Preprocessing.Apply(row))],
         [.. table.Rows.Select(_ => new double[model.Score.OutputCount])]);

    private static void AddMetrics(Dictionary<string, double> metrics, string prefix, ModelDefinition model, FeatureTable table, double[][] raw)
    {
        var outputs = raw.Select(r => model.Output.Apply(r)).ToArray();
        if (model.Task == TrainingTask.Regression)
        {
            var regression = RegressionMetricsCalculator.Compute(
                [.. table.Labels.Select(l => (double)l)], [.. outputs.Select(o => (double)o[0])]);
            metrics[$"{prefix}.rmse"] = regression.Rmse;
            return;
        }

        var actual = table.Labels.Select(l => (int)l).ToArray();
        metrics[$"{prefix}.logLoss"] = LogLoss.Compute(actual, outputs);
        metrics[$"{prefix}.accuracy"] = outputs.Where((o, i) => ClassificationMetricsCalculator.ArgMax(o) == actual[i]).Count() / (double)actual.Length;
    }
}
