using System.Diagnostics;
using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Compression;

namespace Platform.Benchmarks;

/// <summary>
/// The server's aggregation of one round without secure aggregation, as <c>FederatedAggregator.Aggregate</c> does it with
/// MachineLearning's maths: every update's bytes decoded (checked as untrusted), FedAvg weighted by samples, the step onto
/// the global weights; timed in this process on real updates, against copying the same bytes into one buffer. What it
/// leaves out of the host's close of a round: reading the updates from SQLite and the transaction that keeps the result.
/// </summary>
internal static class AggregationThroughput
{
    private const int Repeats = 31;

    /// <summary>Megabytes (10⁶ bytes) of encoded updates per second, aggregated and copied: medians of <see cref="Repeats"/> each, alternately, after a warm-up.</summary>
    public static (double AggregateMbPerSecond, double MemcpyMbPerSecond) Measure(IReadOnlyList<(byte[] Update, long Samples)> updates, int parameters)
    {
        var bytes = updates.Sum(u => (long)u.Update.Length);
        var (weights, target) = (new float[parameters], new byte[bytes]);
        var (aggregate, copy) = (new List<double>(), new List<double>());
        for (var i = 0; i <= Repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = Aggregate(updates, weights);
            var aggregated = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            Copy(updates, target);
            var copied = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (i > 0)
            {
                aggregate.Add(aggregated);
                copy.Add(copied);
            }
        }

        return (bytes / 1e6 / Median(aggregate), bytes / 1e6 / Median(copy));
    }

    private static float[] Aggregate(IReadOnlyList<(byte[] Update, long Samples)> updates, float[] weights)
    {
        var decoded = updates.Select(u => new SiteUpdate(UpdateEncoding.Decode(u.Update, weights.Length), u.Samples)).ToList();
        var delta = Aggregation.FedAvg(decoded);
        var next = new float[weights.Length];
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = weights[i] + delta[i];
        }

        return next;
    }

    private static void Copy(IReadOnlyList<(byte[] Update, long Samples)> updates, byte[] target)
    {
        var at = 0;
        foreach (var (update, _) in updates)
        {
            update.CopyTo(target, at);
            at += update.Length;
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
