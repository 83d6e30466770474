using System.Diagnostics;
using Platform.Serving.Models;

namespace Platform.Serving.Monitoring;

/// <summary>
/// What one served model version measured: a rolling window of requests, errors and latency (the canary watchdog reads
/// it), the same figures since the last monitoring report, and a reservoir sample of its inputs and outputs (drift).
/// Recording is lock-free and allocates nothing; rows are sampled only for models with named features.
/// </summary>
public sealed class VersionMonitor
{
    private readonly RollingWindow _window = new();
    private readonly IReadOnlyList<string>? _featureNames;
    private readonly LatencyHistogram _sinceLoad = new();
    private LatencyHistogram _sinceReport = new();

    public VersionMonitor(int sampleSize, IReadOnlyList<string>? featureNames)
    {
        _featureNames = featureNames;
        Sample = new SampleReservoir(featureNames is null ? 0 : sampleSize);
    }

    public SampleReservoir Sample { get; }

    /// <summary>The feature names of sampled rows, in order; <c>null</c> when the model has none (nothing is sampled).</summary>
    public IReadOnlyList<string>? FeatureNames => _featureNames;

    private static long NowSecond => Stopwatch.GetTimestamp() / Stopwatch.Frequency;

    /// <summary>Counts one request; <paramref name="error"/> for a failed run (invalid input is the caller's fault and is not one).</summary>
    public void Record(TimeSpan elapsed, bool error)
    {
        var bucket = LatencyHistogram.BucketOf(elapsed.TotalMilliseconds);
        _window.Record(NowSecond, bucket, error);
        Volatile.Read(ref _sinceReport).Record(bucket, error);
        _sinceLoad.Record(bucket, error);
    }

    /// <summary>
    /// Every request since the version was loaded, never reset: the edge agent judges a new version over a health window
    /// that may be longer than the rolling window, and the drift monitor's since-report figures are taken (reset) by it.
    /// </summary>
    public LatencyFigures SinceLoaded()
    {
        var figures = new LatencyHistogram.FiguresBuilder();
        _sinceLoad.AddTo(figures);
        return figures.Build();
    }

    /// <summary>The last <paramref name="seconds"/> seconds (at most <see cref="RollingWindow.MaxSeconds"/>).</summary>
    public LatencyFigures Window(int seconds) => _window.Read(NowSecond, seconds);

    /// <summary>Empties the rolling window: the version now serves a new revision, whose canary is judged on its own requests.</summary>
    public void StartNewWindow() => _window.Clear();

    /// <summary>The figures since the last call, and a fresh start.</summary>
    public LatencyFigures TakeSinceReport()
    {
        var figures = new LatencyHistogram.FiguresBuilder();
        Interlocked.Exchange(ref _sinceReport, new LatencyHistogram()).AddTo(figures);
        return figures.Build();
    }

    /// <summary>Offers each row of a served request to the sample: an FP32 [N, F] input whose F columns are the named features.</summary>
    public void Offer(NamedTensor input, NamedTensor[] outputs)
    {
        if (_featureNames is null || input.Data is not float[] data || input.Shape.Length != 2 || input.Shape[1] != _featureNames.Count)
        {
            return;
        }

        var features = _featureNames.Count;
        for (var row = 0; row < input.Rows; row++)
        {
            Sample.Offer(data.AsSpan(row * features, features), outputs, row);
        }
    }
}
