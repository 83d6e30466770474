namespace Platform.MachineLearning.Datasets;

/// <summary>Turns a <see cref="ColumnAccumulator"/> into the column's kind and statistics.</summary>
internal static class ColumnProfiling
{
    public static ColumnProfile Profile(ColumnAccumulator column, int binCount, int topValueCount)
    {
        var kind = ColumnKindInference.Decide(column.Present, column.Numbers, column.Booleans);
        if (kind == ColumnKind.Numeric)
        {
            var notNumeric = column.Present - column.Numbers;
            return new ColumnProfile(column.Name, kind, (int)column.Numbers, (int)column.Missing, Numeric(column, binCount), null, (int)notNumeric);
        }

        return new ColumnProfile(column.Name, kind, (int)column.Present, (int)column.Missing, null, Categorical(column, kind, topValueCount));
    }

    private static NumericColumnStatistics Numeric(ColumnAccumulator column, int binCount)
    {
        var sorted = column.Sample.ToArray();
        Array.Sort(sorted);
        var edges = QuantileBins.Edges(sorted, binCount);
        var counts = QuantileBins.Count(edges, sorted);
        var sampled = column.Numbers > sorted.Length;
        var variance = column.Numbers > 1 ? column.SquaredDeviations / (column.Numbers - 1) : 0;
        return new NumericColumnStatistics(
            column.Min, column.Max, column.Sum / column.Numbers, Math.Sqrt(variance), edges, sampled ? Scale(counts, column.Numbers) : counts, sampled);
    }

    /// <summary>Sample counts scaled to <paramref name="total"/>, rounded so that they add up to it (largest remainders).</summary>
    private static long[] Scale(long[] counts, long total)
    {
        var sampleTotal = counts.Sum();
        var exact = counts.Select(c => (double)c * total / sampleTotal).ToArray();
        var scaled = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = total - scaled.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - scaled[i]).Take((int)left))
        {
            scaled[i]++;
        }

        return scaled;
    }

    private static CategoricalColumnStatistics Categorical(ColumnAccumulator column, ColumnKind kind, int topValueCount)
    {
        var groups = kind == ColumnKind.Boolean
            ? column.Values.GroupBy(v => v.Key.ToLowerInvariant(), StringComparer.Ordinal).Select(g => (Value: g.Key, Count: g.Sum(v => v.Value))).ToList()
            : [.. column.Values.Select(v => (Value: v.Key, Count: v.Value))];
        var top = groups
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Value, StringComparer.Ordinal)
            .Take(topValueCount)
            .Select(g => new ValueFrequency(g.Value, (int)g.Count, (double)g.Count / column.Present))
            .ToArray();
        return new CategoricalColumnStatistics(groups.Count, top, column.Untracked > 0);
    }
}
