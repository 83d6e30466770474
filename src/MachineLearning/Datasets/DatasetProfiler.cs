namespace Platform.MachineLearning.Datasets;

/// <summary>Computes a <see cref="DatasetProfile"/>: inferred schema, row count and per-column statistics.</summary>
public static class DatasetProfiler
{
    /// <summary>Profiles every column with <paramref name="binCount"/> quantile bins and up to <paramref name="topValueCount"/> top values.</summary>
    public static DatasetProfile Profile(Dataset dataset, int binCount = 10, int topValueCount = 20)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.ColumnNames
            .Select(name => ProfileColumn(name, dataset.Column(name).ToList(), binCount, topValueCount))
            .ToArray();
        return new DatasetProfile(dataset.RowCount, columns);
    }

    private static ColumnProfile ProfileColumn(string name, List<string?> cells, int binCount, int topValueCount)
    {
        var present = cells.Where(cell => cell is not null).Select(cell => cell!).ToList();
        var kind = ColumnKindInference.Infer(present);
        var missing = cells.Count - present.Count;
        return kind == ColumnKind.Numeric
            ? new ColumnProfile(name, kind, present.Count, missing, Numeric(present, binCount), null)
            : new ColumnProfile(name, kind, present.Count, missing, null, Categorical(present, kind, topValueCount));
    }

    private static NumericColumnStatistics Numeric(List<string> present, int binCount)
    {
        var values = present.Select(text => InvariantNumber.TryParse(text, out var v) ? v : double.NaN).ToArray();
        Array.Sort(values);
        var mean = values.Average();
        var variance = values.Length > 1
            ? values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)
            : 0;
        var edges = QuantileBins.Edges(values, binCount);
        return new NumericColumnStatistics(
            values[0], values[^1], mean, Math.Sqrt(variance), edges, QuantileBins.Count(edges, values));
    }

    private static CategoricalColumnStatistics Categorical(List<string> present, ColumnKind kind, int topValueCount)
    {
        var keys = kind == ColumnKind.Boolean ? present.Select(v => v.ToLowerInvariant()) : present;
        var groups = keys.GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Count: g.Count()))
            .ToList();
        var top = groups
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Value, StringComparer.Ordinal)
            .Take(topValueCount)
            .Select(g => new ValueFrequency(g.Value, g.Count, (double)g.Count / present.Count))
            .ToArray();
        return new CategoricalColumnStatistics(groups.Count, top);
    }
}
