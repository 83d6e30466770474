using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Monitoring;

/// <summary>
/// Drift of a served feature against its training baseline, the baseline given as quantile bins (B + 1 edges and the
/// training rows per bin, as <see cref="QuantileBins"/> builds them). Missing values (NaN) in the sample are skipped.
/// </summary>
public static class DriftStatistics
{
    /// <summary>Added to every bin's count on both sides, so that an empty bin gives a finite PSI (no log of 0, no division by 0).</summary>
    public const double Smoothing = 0.5;

    /// <summary>
    /// Population stability index: Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over the baseline's bins, where eᵢ is the baseline's share of
    /// bin i and aᵢ the sample's, with the sample binned on the same edges (values outside go to the end bins) and both
    /// shares smoothed as (countᵢ + 0.5) / (total + 0.5 B). 0 for an empty sample.
    /// </summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> edges, IReadOnlyList<long> baselineCounts, IEnumerable<double> sample)
    {
        Validate(edges, baselineCounts);
        var values = sample.Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return 0;
        }

        var actual = QuantileBins.Count(edges, values);
        var bins = baselineCounts.Count;
        var expectedTotal = baselineCounts.Sum() + (Smoothing * bins);
        var actualTotal = values.Length + (Smoothing * bins);
        var psi = 0.0;
        for (var i = 0; i < bins; i++)
        {
            var e = (baselineCounts[i] + Smoothing) / expectedTotal;
            var a = (actual[i] + Smoothing) / actualTotal;
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>
    /// Kolmogorov–Smirnov statistic: the largest gap between the sample's empirical CDF and the baseline's CDF, the latter
    /// piecewise linear through the quantile edges (<see cref="BaselineCdf"/>: i/B at edge i, 0 below the first, 1 from
    /// the last, a step where edges coincide). Exact for that CDF: both one-sided limits are compared at every sample
    /// value and edge. 0 for an empty sample.
    /// </summary>
    public static double KolmogorovSmirnov(IReadOnlyList<double> edges, IReadOnlyList<long> baselineCounts, IEnumerable<double> sample)
    {
        Validate(edges, baselineCounts);
        var sorted = sample.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var cdf = new BaselineCdf(edges);
        var gap = 0.0;
        foreach (var x in sorted.Concat(edges).Where(double.IsFinite))
        {
            var below = LowerBound(sorted, x);
            var atOrBelow = UpperBound(sorted, x);
            gap = Math.Max(gap, Math.Abs(((double)atOrBelow / sorted.Length) - cdf.AtOrBelow(x)));
            gap = Math.Max(gap, Math.Abs(((double)below / sorted.Length) - cdf.Below(x)));
        }

        return gap;
    }

    private static void Validate(IReadOnlyList<double> edges, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0 || edges.Count != counts.Count + 1)
        {
            throw new ArgumentException($"A baseline needs B ≥ 1 bins and B + 1 edges; it has {counts.Count} bins and {edges.Count} edges.", nameof(edges));
        }

        for (var i = 1; i < edges.Count; i++)
        {
            if (!(edges[i] >= edges[i - 1]))
            {
                throw new ArgumentException($"Baseline edges must ascend; edge {i} ({edges[i]}) is below edge {i - 1} ({edges[i - 1]}).", nameof(edges));
            }
        }

        if (counts.Any(c => c < 0) || counts.Sum() == 0)
        {
            throw new ArgumentException("Baseline bin counts must be 0 or more and not all 0.", nameof(counts));
        }
    }

    /// <summary>Values in <paramref name="sorted"/> below <paramref name="x"/>.</summary>
    private static int LowerBound(double[] sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Values in <paramref name="sorted"/> at or below <paramref name="x"/>.</summary>
    private static int UpperBound(double[] sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
