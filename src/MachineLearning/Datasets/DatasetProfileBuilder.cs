namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Builds a <see cref="DatasetProfile"/> from rows streamed one at a time (<see cref="Add"/>): per-column state is
/// bounded (see <see cref="ColumnAccumulator"/>), and duplicate detection keeps about 24 bytes per distinct row.
/// </summary>
public sealed class DatasetProfileBuilder
{
    private readonly ColumnAccumulator[] _columns;
    private readonly DuplicateRowDetector _duplicates = new();
    private readonly int _binCount;
    private readonly int _topValueCount;
    private long _rows;

    /// <param name="columnNames">The columns, in file order.</param>
    /// <param name="binCount">Quantile bins per numeric column.</param>
    /// <param name="topValueCount">Most frequent values listed per categorical column.</param>
    public DatasetProfileBuilder(IReadOnlyList<string> columnNames, int binCount = 10, int topValueCount = 20)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        _columns = [.. columnNames.Select(name => new ColumnAccumulator(name))];
        _binCount = binCount;
        _topValueCount = topValueCount;
    }

    /// <summary>Rows added so far.</summary>
    public long RowCount => _rows;

    /// <summary>Adds one row: <paramref name="rowNumber"/> is its 1-based row in the file (header = 1), for the findings.</summary>
    public void Add(long rowNumber, IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != _columns.Length)
        {
            throw new ArgumentException($"Row {rowNumber} has {cells.Count} cells for {_columns.Length} columns.", nameof(cells));
        }

        _rows++;
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Add(cells[i], rowNumber);
        }

        _duplicates.Add(rowNumber, cells);
    }

    public DatasetProfile Build()
    {
        var columns = _columns.Select(c => ColumnProfiling.Profile(c, _binCount, _topValueCount)).ToArray();
        var findings = _columns.Zip(columns).SelectMany(pair => ColumnFindings.Of(pair.First, pair.Second, _rows)).ToList();
        if (_duplicates.Finding(_rows) is { } duplicates)
        {
            findings.Add(duplicates);
        }

        return new DatasetProfile(checked((int)_rows), columns, findings);
    }
}
