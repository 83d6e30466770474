namespace Platform.MachineLearning.Datasets;

/// <summary>
/// A table read from a dataset file: column names in file order and rows of raw cell text, where
/// <c>null</c> marks a missing value. Numbers are kept as invariant-culture text so that CSV and
/// Parquet sources look the same to profiling, splitting and feature extraction.
/// </summary>
/// <param name="ColumnNames">Column names, unique, in file order.</param>
/// <param name="Rows">Data rows (the header is not a row); each has one cell per column.</param>
/// <param name="RowNumbers">
/// Each row's 1-based row in the file it came from (header = 1), kept through <see cref="SelectRows"/> so that an error
/// in a part of a split names the file's row; <c>null</c> means row i is row i + 2.
/// </param>
public sealed record Dataset(IReadOnlyList<string> ColumnNames, IReadOnlyList<string?[]> Rows, IReadOnlyList<long>? RowNumbers = null)
{
    /// <summary>Number of data rows.</summary>
    public int RowCount => Rows.Count;

    /// <summary>The file's 1-based row number (header = 1) of the row at 0-based <paramref name="index"/>.</summary>
    public long RowNumberOf(int index) => RowNumbers?[index] ?? index + 2L;

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

    /// <summary>A dataset holding the given rows, in the order given, with their file row numbers.</summary>
    public Dataset SelectRows(IReadOnlyList<int> rowIndices) =>
        new(ColumnNames, rowIndices.Select(i => Rows[i]).ToArray(), rowIndices.Select(RowNumberOf).ToArray());
}
