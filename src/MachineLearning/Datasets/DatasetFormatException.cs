namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Raised when a dataset file or value cannot be used, naming where: the 1-based row (the header
/// is row 1, the first data row is row 2, as a spreadsheet numbers them) and the column.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string reason, long? row, string? column)
        : base(Compose(reason, row, column))
    {
        Reason = reason;
        Row = row;
        Column = column;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>1-based row in the file (header = 1), or <c>null</c> when the problem is not in one row.</summary>
    public long? Row { get; }

    /// <summary>The column's name (or "column N" before the header is known), or <c>null</c>.</summary>
    public string? Column { get; }

    private static string Compose(string reason, long? row, string? column) => (row, column) switch
    {
        (not null, not null) => $"Row {row}, column '{column}': {reason}",
        (not null, null) => $"Row {row}: {reason}",
        (null, not null) => $"Column '{column}': {reason}",
        _ => reason,
    };
}
