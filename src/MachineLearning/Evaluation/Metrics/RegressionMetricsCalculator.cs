namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>Computes <see cref="RegressionMetrics"/> from targets and predictions.</summary>
public static class RegressionMetricsCalculator
{
    public static RegressionMetrics Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0 || actual.Count != predicted.Count)
        {
            throw new ArgumentException($"Need one prediction per target; got {actual.Count} targets and {predicted.Count} predictions.");
        }

        var mean = actual.Average();
        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        var constant = actual.All(value => value == actual[0]);
        var rSquared = !constant ? 1 - (squared / total) : squared == 0 ? 1 : 0;
        return new RegressionMetrics(actual.Count, Math.Sqrt(squared / actual.Count), absolute / actual.Count, rSquared);
    }
}
