using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Finds rows that repeat an earlier row exactly, in little memory: each distinct row is kept as a 64-bit hash of its
/// cells (XxHash3) with the row number of its first occurrence, about 24 bytes a row (a false match among 10 million
/// rows has a chance of about 3 in a million).
/// </summary>
internal sealed class DuplicateRowDetector
{
    private readonly Dictionary<ulong, int> _firstRows = [];
    private char[] _row = new char[1024];
    private readonly List<(long Row, long FirstRow)> _shown = [];

    public long Duplicates { get; private set; }

    public void Add(long row, IReadOnlyList<string?> cells)
    {
        // The cells end to end, each followed by U+0000 and a mark that tells a missing cell from an empty string.
        var length = 0;
        foreach (var cell in cells)
        {
            var text = cell ?? "";
            if (length + text.Length + 2 > _row.Length)
            {
                Array.Resize(ref _row, Math.Max(_row.Length * 2, length + text.Length + 2));
            }

            text.CopyTo(_row.AsSpan(length));
            length += text.Length;
            _row[length++] = '\u0000';
            _row[length++] = cell is null ? '\u0001' : '\u0002';
        }

        var key = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(_row.AsSpan(0, length)));
        if (_firstRows.TryAdd(key, checked((int)row)))
        {
            return;
        }

        Duplicates++;
        if (_shown.Count < ColumnAccumulator.RowsShown)
        {
            _shown.Add((row, _firstRows[key]));
        }
    }

    public DataQualityFinding? Finding(long rowCount)
    {
        if (Duplicates == 0)
        {
            return null;
        }

        var examples = string.Join(", ", _shown.Take(5).Select(d => $"row {d.Row} repeats row {d.FirstRow}"));
        return new DataQualityFinding(
            DataQualityIssue.DuplicateRows, null, Duplicates, Share(Duplicates, rowCount), [.. _shown.Select(d => d.Row)], [],
            $"{Duplicates} of {rowCount} rows repeat an earlier row exactly ({examples}{(Duplicates > 5 ? ", …" : "")}).");
    }

    private static double Share(long count, long rows) => rows == 0 ? 0 : (double)count / rows;
}
