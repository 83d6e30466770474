namespace Platform.MachineLearning.Datasets;

/// <summary>
/// A table read from a dataset file: column names in file order and rows of raw cell text, where
/// <c>null</c> marks a missing value. Numbers are kept as invariant-culture text so that CSV and
/// Parquet sources look the same to profiling, splitting and feature extraction.
/// </summary>
/// <param name="ColumnNames">Column names, unique, in file order.</param>
/// <param name="Rows">Data rows (the header is not a row); each has one cell per column.</param>
public sealed record Dataset(IReadOnlyList<string> ColumnNames, IReadOnlyList<string?[]> Rows)
{
    /// <summary>Number of data rows.</summary>
    public int RowCount => Rows.Count;

    /// <summary>The 0-based index of a column, or an <see cref="ArgumentException"/> naming it.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < ColumnNames.Count; i++)
        {
            if (string.Equals(ColumnNames[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"The dataset has no column '{column}'. Its columns are: {string.Join(", ", ColumnNames)}.",
            nameof(column));
    }

    /// <summary>The cells of one column, in row order.</summary>
    public IEnumerable<string?> Column(string column)
    {
        var index = IndexOf(column);
        return Rows.Select(row => row[index]);
    }

    /// <summary>A dataset holding the given rows, in the order given.</summary>
    public Dataset SelectRows(IReadOnlyList<int> rowIndices) =>
        new(ColumnNames, rowIndices.Select(i => Rows[i]).ToArray());
}
