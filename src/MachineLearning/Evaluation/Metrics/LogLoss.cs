namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>
/// Mean negative natural log of the probability given to the true class, with that probability
/// clipped to [ε, 1 − ε] (ε = 1e-15) so that a confident mistake costs about 34.5 rather than infinity.
/// </summary>
public static class LogLoss
{
    public const double Epsilon = 1e-15;

    public static double Compute(IReadOnlyList<int> actual, IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (actual.Count == 0 || actual.Count != probabilities.Count)
        {
            throw new ArgumentException($"Log loss needs one probability row per label; got {actual.Count} labels and {probabilities.Count} rows.");
        }

        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var p = Math.Clamp(probabilities[i][actual[i]], Epsilon, 1 - Epsilon);
            sum -= Math.Log(p);
        }

        return sum / actual.Count;
    }
}
