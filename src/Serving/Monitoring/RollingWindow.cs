namespace Platform.Serving.Monitoring;

/// <summary>
/// The last <see cref="MaxSeconds"/> seconds of one version's requests, one histogram per second in a ring; a slot is
/// cleared when a new second first lands in it. Reading sums the slots whose second lies in the window asked for.
/// </summary>
internal sealed class RollingWindow
{
    /// <summary>The longest window that can be read; longer ones are read as this.</summary>
    public const int MaxSeconds = 120;

    private readonly Slot[] _slots = [.. Enumerable.Range(0, MaxSeconds + 1).Select(_ => new Slot())];

    public void Record(long second, int bucket, bool error)
    {
        var slot = _slots[second % _slots.Length];
        if (Volatile.Read(ref slot.Second) != second)
        {
            lock (slot.Lock)
            {
                if (slot.Second != second)
                {
                    slot.Histogram.Clear();
                    Volatile.Write(ref slot.Second, second);
                }
            }
        }

        slot.Histogram.Record(bucket, error);
    }

    /// <summary>Forgets every request so far (a new revision is judged on its own requests).</summary>
    public void Clear()
    {
        foreach (var slot in _slots)
        {
            lock (slot.Lock)
            {
                Volatile.Write(ref slot.Second, -1);
            }
        }
    }

    /// <summary>The figures of the <paramref name="seconds"/> seconds up to and including <paramref name="now"/>.</summary>
    public LatencyFigures Read(long now, int seconds)
    {
        seconds = Math.Clamp(seconds, 1, MaxSeconds);
        var figures = new LatencyHistogram.FiguresBuilder();
        foreach (var slot in _slots)
        {
            var second = Volatile.Read(ref slot.Second);
            if (second > now - seconds && second <= now)
            {
                slot.Histogram.AddTo(figures);
            }
        }

        return figures.Build();
    }

    private sealed class Slot
    {
        public readonly LatencyHistogram Histogram = new();
        public readonly Lock Lock = new();
        public long Second = -1;
    }
}
