using System.Buffers;
using System.Text;

namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Splits a UTF-8 byte stream into RFC 4180 records (quoted fields, doubled quotes, line breaks
/// inside quotes, CRLF or LF) without loading the file. Works on bytes and decodes each field
/// strictly, so that invalid UTF-8 is reported at its row and column. Blank lines are skipped but
/// counted, so row numbers stay those of the file.
/// </summary>
internal sealed partial class CsvTokenizer
{
    private const byte Quote = (byte)'"';
    private const byte CarriageReturn = (byte)'\r';
    private const byte LineFeed = (byte)'\n';

    private readonly CsvByteSource _bytes;
    private readonly int _delimiter;
    private readonly SearchValues<byte> _fieldEnds;
    private readonly Func<int, string> _columnName;
    private readonly CsvFieldBuffer _field = new();
    private int _fieldIndex;
    private bool _started;

    public CsvTokenizer(Stream stream, char delimiter, long maxBytes, Func<int, string> columnName)
    {
        _delimiter = delimiter <= 127 ? delimiter : throw new ArgumentException("The delimiter must be an ASCII character.", nameof(delimiter));
        _columnName = columnName;
        _fieldEnds = SearchValues.Create([(byte)delimiter, CarriageReturn, LineFeed]);
        _bytes = new CsvByteSource(stream, maxBytes, Error);
    }

    /// <summary>1-based row of the record last read (header = 1).</summary>
    public long Row { get; private set; }

    /// <summary>Reads the next non-blank record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool TryRead(List<string?> fields)
    {
        fields.Clear();
        if (!_started)
        {
            _started = true;
            _bytes.SkipByteOrderMark();
        }

        while (true)
        {
            var first = Peek();
            if (first == -1)
            {
                return false;
            }

            Row++;
            if (first is CarriageReturn or LineFeed)
            {
                if (Next() == CarriageReturn && Peek() == LineFeed)
                {
                    Next();
                }

                continue;
            }

            ReadRecord(fields);
            return true;
        }
    }

    private void ReadRecord(List<string?> fields)
    {
        while (true)
        {
            _fieldIndex = fields.Count;
            _field.Clear();
            int b;
            if (Peek() == Quote)
            {
                Next();
                b = ReadQuoted();
                fields.Add(Decode());
            }
            else
            {
                fields.Add(ReadUnquoted(out b));
            }

            if (b == _delimiter)
            {
                continue;
            }

            if (b == CarriageReturn && Peek() == LineFeed)
            {
                Next();
            }

            return;
        }
    }

    private int Peek() => _bytes.Peek();

    private int Next() => _bytes.Next();

    private DatasetFormatException Error(string reason) =>
        new(reason, Math.Max(Row, 1), _columnName(_fieldIndex));
}
