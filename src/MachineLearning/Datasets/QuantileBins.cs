namespace Platform.MachineLearning.Datasets;

/// <summary>Quantile bin edges and bin assignment, shared by profiling and drift checks.</summary>
public static class QuantileBins
{
    /// <summary>
    /// <paramref name="binCount"/> + 1 edges at quantiles 0, 1/B, …, 1 of <paramref name="sorted"/>
    /// (ascending, non-empty), interpolating linearly between neighbouring values.
    /// </summary>
    public static double[] Edges(IReadOnlyList<double> sorted, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var edges = new double[binCount + 1];
        for (var i = 0; i <= binCount; i++)
        {
            var position = (double)i / binCount * (sorted.Count - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, sorted.Count - 1);
            edges[i] = sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
        }

        return edges;
    }

    /// <summary>
    /// The bin of <paramref name="value"/>: the last bin whose lower edge is at most the value, so bin i
    /// holds [edge i, edge i+1) and the last bin also holds its upper edge. Values below the first edge
    /// go to bin 0 and above the last edge to the last bin (so serving data always lands in a bin).
    /// </summary>
    public static int IndexOf(IReadOnlyList<double> edges, double value)
    {
        var bins = edges.Count - 1;
        var low = 0;
        var high = bins - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (edges[middle] <= value)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Counts of <paramref name="values"/> per bin.</summary>
    public static long[] Count(IReadOnlyList<double> edges, IEnumerable<double> values)
    {
        var counts = new long[edges.Count - 1];
        foreach (var value in values)
        {
            counts[IndexOf(edges, value)]++;
        }

        return counts;
    }
}
