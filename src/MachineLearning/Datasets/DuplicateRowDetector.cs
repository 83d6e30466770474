using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Finds rows that repeat an earlier row exactly, in bounded memory: each row is kept as a 128-bit hash of its cells
/// (XxHash128; a false match is vanishingly unlikely), with the row number of its first occurrence.
/// </summary>
internal sealed class DuplicateRowDetector
{
    private static readonly char[] MissingMark = ['\u0000', '\u0001'];
    private static readonly char[] Separator = ['\u0000', '\u0002'];

    private readonly Dictionary<UInt128, long> _firstRows = [];
    private readonly XxHash128 _hash = new();
    private readonly List<(long Row, long FirstRow)> _shown = [];

    public long Duplicates { get; private set; }

    public void Add(long row, IReadOnlyList<string?> cells)
    {
        _hash.Reset();
        foreach (var cell in cells)
        {
            _hash.Append(MemoryMarshal.AsBytes((cell ?? "").AsSpan()));
            _hash.Append(MemoryMarshal.AsBytes((cell is null ? MissingMark : Separator).AsSpan()));
        }

        var key = _hash.GetCurrentHashAsUInt128();
        if (_firstRows.TryAdd(key, row))
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
