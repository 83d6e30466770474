namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Reads a CSV file with a header row as a stream of validated rows (<see cref="ReadRows"/>) or as a
/// whole <see cref="Dataset"/>. Rejects a file that is empty, not UTF-8, larger than the limit, has
/// a row with the wrong number of values, or a non-numeric value in a numeric column; every error
/// is a <see cref="DatasetFormatException"/> naming the row and the column.
/// </summary>
public sealed class CsvDatasetReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CsvTokenizer _tokenizer;
    private readonly string[] _columnNames;
    private readonly bool[] _numeric;
    private readonly HashSet<string> _missingMarkers;
    private readonly int _longestMarker;

    public CsvDatasetReader(Stream stream, CsvReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new CsvReadOptions();
        _stream = stream;
        _leaveOpen = leaveOpen;
        _missingMarkers = new HashSet<string>(options.MissingValueMarkers, StringComparer.OrdinalIgnoreCase);
        _longestMarker = _missingMarkers.Count == 0 ? 0 : _missingMarkers.Max(m => m.Length);
        _columnNames = [];
        _tokenizer = new CsvTokenizer(stream, options.Delimiter, options.MaxBytes, ColumnLabel);
        _columnNames = ReadHeader();
        _numeric = _columnNames.Select(name => options.AllColumnsNumeric || options.NumericColumns.Contains(name)).ToArray();
        foreach (var required in options.NumericColumns.Where(name => !_columnNames.Contains(name)))
        {
            throw new DatasetFormatException("the column must be numeric but is not in the header", 1, required);
        }
    }

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames => _columnNames;

    /// <summary>Reads a whole CSV file into a dataset; a header without data rows is rejected.</summary>
    public static Dataset ReadFile(string path, CsvReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, options);
    }

    /// <summary>Reads a whole CSV stream into a dataset; a header without data rows is rejected.</summary>
    public static Dataset Read(Stream stream, CsvReadOptions? options = null)
    {
        using var reader = new CsvDatasetReader(stream, options, leaveOpen: true);
        var rows = new List<string?[]>();
        var numbers = new List<long>();
        foreach (var row in reader.ReadRows())
        {
            rows.Add(row.Values);
            numbers.Add(row.RowNumber);
        }

        if (rows.Count == 0)
        {
            throw new DatasetFormatException("the file has a header but no data rows", 2, null);
        }

        return new Dataset(reader.ColumnNames, rows, numbers);
    }

    /// <summary>Reads the data rows one at a time, validating each as it is read.</summary>
    public IEnumerable<CsvRow> ReadRows()
    {
        var fields = new List<string?>(_columnNames.Length);
        while (_tokenizer.TryRead(fields))
        {
            yield return Validate(fields);
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private string[] ReadHeader()
    {
        var fields = new List<string?>();
        if (!_tokenizer.TryRead(fields))
        {
            throw new DatasetFormatException("the file is empty: a header row is required", 1, null);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new DatasetFormatException("the header has an empty column name", _tokenizer.Row, $"column {i + 1}");
            }

            if (!seen.Add(name))
            {
                throw new DatasetFormatException("the column name appears more than once in the header", _tokenizer.Row, name);
            }
        }

        return fields.Select(name => name!.Trim()).ToArray();
    }

    private CsvRow Validate(List<string?> fields)
    {
        var row = _tokenizer.Row;
        if (fields.Count != _columnNames.Length)
        {
            var column = fields.Count < _columnNames.Length ? _columnNames[fields.Count] : ColumnLabel(_columnNames.Length);
            throw new DatasetFormatException(
                $"the row has {fields.Count} values but the header has {_columnNames.Length} columns", row, column);
        }

        var values = new string?[fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var text = fields[i];
            if (text is null || (text.Length <= _longestMarker && _missingMarkers.Contains(text)))
            {
                continue;
            }

            if (_numeric[i] && !InvariantNumber.TryParse(text, out _))
            {
                throw new DatasetFormatException($"'{Shorten(text)}' is not a finite number", row, _columnNames[i]);
            }

            values[i] = text;
        }

        return new CsvRow(row, values);
    }

    private string ColumnLabel(int index) =>
        index < _columnNames.Length ? _columnNames[index] : $"column {index + 1}";

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
