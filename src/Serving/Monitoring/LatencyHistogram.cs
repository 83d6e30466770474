namespace Platform.Serving.Monitoring;

/// <summary>
/// Requests, errors and latencies in quarter-octave buckets of microseconds (each about 19 % wide, 1 µs to 16 s), counted
/// with interlocked increments so that recording takes no lock. Percentiles are read as the bucket's geometric middle.
/// </summary>
internal sealed class LatencyHistogram
{
    public const int Buckets = 96;
    private const int PerOctave = 4;
    private readonly long[] _counts = new long[Buckets];
    private long _requests;
    private long _errors;

    public static int BucketOf(double milliseconds)
    {
        var microseconds = milliseconds * 1000;
        return microseconds < 1 ? 0 : Math.Min(Buckets - 1, (int)(Math.Log2(microseconds) * PerOctave));
    }

    /// <summary>The middle of a bucket, in milliseconds.</summary>
    public static double Milliseconds(int bucket) => Math.Pow(2, (bucket + 0.5) / PerOctave) / 1000;

    public void Record(int bucket, bool error)
    {
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _requests);
        if (error)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Volatile.Write(ref _requests, 0);
        Volatile.Write(ref _errors, 0);
    }

    /// <summary>Adds this histogram into <paramref name="figures"/>.</summary>
    public void AddTo(FiguresBuilder figures)
    {
        for (var i = 0; i < Buckets; i++)
        {
            figures.Counts[i] += Volatile.Read(ref _counts[i]);
        }

        figures.Requests += Volatile.Read(ref _requests);
        figures.Errors += Volatile.Read(ref _errors);
    }

    /// <summary>Sums histograms and reads their figures.</summary>
    internal sealed class FiguresBuilder
    {
        public long[] Counts { get; } = new long[Buckets];

        public long Requests { get; set; }

        public long Errors { get; set; }

        public LatencyFigures Build() => new(Requests, Errors, Percentile(50), Percentile(95), Percentile(99));

        private double Percentile(double percent)
        {
            var total = Counts.Sum();
            if (total == 0)
            {
                return 0;
            }

            var rank = (long)Math.Ceiling(percent / 100 * total);
            long seen = 0;
            for (var i = 0; i < Buckets; i++)
            {
                seen += Counts[i];
                if (seen >= rank)
                {
                    return Milliseconds(i);
                }
            }

            return Milliseconds(Buckets - 1);
        }
    }
}

/// <summary>Requests, errors (failed runs, not invalid input) and latency percentiles in milliseconds over some span.</summary>
public readonly record struct LatencyFigures(long Requests, long Errors, double P50Milliseconds, double P95Milliseconds, double P99Milliseconds)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;
}
