namespace Platform.MachineLearning.Evaluation;

/// <summary>Percentiles by linear interpolation between the closest ranks.</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>-th percentile (0–100) of <paramref name="values"/>; 0 for no values.</summary>
    public static double Of(IEnumerable<double> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var position = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
