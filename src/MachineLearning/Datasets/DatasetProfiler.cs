namespace Platform.MachineLearning.Datasets;

/// <summary>Computes a <see cref="DatasetProfile"/> of a dataset in memory: inferred schema, row count, per-column statistics and data-quality findings.</summary>
public static class DatasetProfiler
{
    /// <summary>Profiles every column with <paramref name="binCount"/> quantile bins and up to <paramref name="topValueCount"/> top values.</summary>
    public static DatasetProfile Profile(Dataset dataset, int binCount = 10, int topValueCount = 20)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new DatasetProfileBuilder(dataset.ColumnNames, binCount, topValueCount);
        for (var r = 0; r < dataset.RowCount; r++)
        {
            builder.Add(dataset.RowNumberOf(r), dataset.Rows[r]);
        }

        return builder.Build();
    }
}
