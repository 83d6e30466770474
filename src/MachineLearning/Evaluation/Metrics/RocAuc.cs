namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>
/// Area under the ROC curve, computed as the Mann–Whitney statistic with mid-ranks: tied scores count
/// one half, which equals the trapezoid area under the ROC curve drawn through tied groups.
/// </summary>
public static class RocAuc
{
    /// <summary>The AUC, or <c>null</c> when the labels hold only positives or only negatives (it is undefined then).</summary>
    public static double? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(isPositive);
        if (scores.Count != isPositive.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {isPositive.Count} labels.", nameof(isPositive));
        }

        // Sorted as arrays, not through LINQ: ten classes over 100,000 rows would otherwise cost more than the inference.
        var keys = new double[scores.Count];
        var positive = new bool[scores.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = scores[i];
            positive[i] = isPositive[i];
        }

        Array.Sort(keys, positive);
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1] == keys[start])
            {
                end++;
            }

            var midRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                if (positive[i])
                {
                    positiveRankSum += midRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = keys.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
