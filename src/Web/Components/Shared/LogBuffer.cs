using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>
/// The last <see cref="Capacity"/> lines of a log in sequence order, whatever order they arrive in: history pages and
/// live lines overlap, so a line already held is ignored, and a line older than everything held once the buffer is
/// full is dropped rather than shown out of place.
/// </summary>
public sealed class LogBuffer(int capacity)
{
    private readonly SortedList<int, LogLine> _lines = [];

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many lines have been let go from the top to keep within the capacity.</summary>
    public int Dropped { get; private set; }

    public IList<LogLine> Lines => _lines.Values;

    /// <returns>Whether any line was added.</returns>
    public bool Add(IEnumerable<LogLine> lines)
    {
        var added = false;
        foreach (var line in lines)
        {
            if (_lines.ContainsKey(line.Sequence) || (_lines.Count == Capacity && line.Sequence < _lines.Keys[0]))
            {
                continue;
            }

            _lines.Add(line.Sequence, line);
            added = true;
            if (_lines.Count > Capacity)
            {
                _lines.RemoveAt(0);
                Dropped++;
            }
        }

        return added;
    }
}
