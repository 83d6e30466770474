using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Edge.Tests.Federated;

/// <summary>One form a row (or part of it) would take if it had left its site: what it is, in which encoding, and its bytes.</summary>
internal sealed record RowTrace(string What, string Encoding, byte[] Bytes);

/// <summary>
/// The traces of a CSV file's rows to search a server's files and logs for: each row's comma-joined text, and each of its
/// distinctive runs of <see cref="Run"/> pixel values (at least 6 of them non-zero, the first two among them, and at least 3
/// distinct: a run of zeros or of 16s is in every digit, and a float64 trace that began with 16 zero bytes would be compared
/// at every run of zeros of a binary file) as text (comma- and comma-space-joined, between delimiters so that only whole numbers match),
/// in UTF-8 and UTF-16, and as float32 and float64 little-endian arrays, the forms a row takes in a program.
/// </summary>
internal static class RowTraces
{
    public const int Run = 8;
    private const int PrefixBytes = 16;

    public static List<RowTrace> Of(IReadOnlyList<string> lines, string label)
    {
        var traces = new List<RowTrace>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            traces.AddRange(Texts($"row {i + 1}", line));
            var values = line.Split(',')[..^1].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(); // the pixels, the label (last) left out
            for (var at = 1; at + Run <= values.Length; at++)
            {
                var run = values[at..(at + Run)];
                if (run[0] == 0 || run[1] == 0 || run.Count(v => v != 0) < 6 || run.Distinct().Count() < 3)
                {
                    continue;
                }

                var what = $"row {i + 1} pixels {at}..{at + Run - 1} ({string.Join(',', run)}) of {label}";
                traces.AddRange(Texts(what, "," + string.Join(',', run) + ","));
                traces.AddRange(Texts(what, ", " + string.Join(", ", run) + ","));
                traces.Add(new RowTrace(what, "float32", Floats(run)));
                traces.Add(new RowTrace(what, "float64", Doubles(run)));
            }
        }

        return traces;
    }

    /// <summary>The traces found in <paramref name="haystack"/> (every trace is at least 16 bytes: its first 16 pick the candidates, then the whole is compared).</summary>
    public static List<RowTrace> FoundIn(IReadOnlyList<RowTrace> traces, ReadOnlySpan<byte> haystack)
    {
        var byPrefix = traces.GroupBy(t => Prefix(t.Bytes)).ToDictionary(g => g.Key, g => g.ToList());
        var found = new HashSet<RowTrace>(ReferenceEqualityComparer.Instance);
        for (var at = 0; at + PrefixBytes <= haystack.Length; at++)
        {
            if (byPrefix.TryGetValue(BinaryPrimitives.ReadUInt128LittleEndian(haystack[at..]), out var candidates))
            {
                foreach (var trace in candidates)
                {
                    if (haystack[at..].StartsWith(trace.Bytes))
                    {
                        found.Add(trace);
                    }
                }
            }
        }

        return [.. traces.Where(found.Contains)];
    }

    /// <summary>The rows as a program holding them would: every row's pixels as float32 (or float64), one after the other.</summary>
    public static byte[] AsMatrix(IReadOnlyList<string> lines, bool float64)
    {
        var values = lines.SelectMany(l => l.Split(',')[..^1].Select(v => double.Parse(v, CultureInfo.InvariantCulture))).ToArray();
        return float64 ? Doubles(values) : Floats(values);
    }

    private static IEnumerable<RowTrace> Texts(string what, string text) =>
        [new RowTrace(what, "UTF-8", Encoding.UTF8.GetBytes(text)), new RowTrace(what, "UTF-16", Encoding.Unicode.GetBytes(text))];

    private static byte[] Floats(double[] values) => MemoryMarshal.AsBytes(values.Select(v => (float)v).ToArray().AsSpan()).ToArray();

    private static byte[] Doubles(double[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static UInt128 Prefix(byte[] bytes) =>
        bytes.Length >= PrefixBytes ? BinaryPrimitives.ReadUInt128LittleEndian(bytes) : throw new ArgumentException($"A trace of {bytes.Length} bytes is too short to search for.", nameof(bytes));
}
