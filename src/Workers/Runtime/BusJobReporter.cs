using System.Threading.Channels;
using MassTransit;
using Platform.Contracts.Messages.Jobs;
using Platform.Workers.Executors;

namespace Platform.Workers.Runtime;

/// <summary>
/// Reports a running job over the bus without flooding it: progress is coalesced (latest wins), log lines and metric
/// points are sent in batches, at most once per <see cref="Interval"/>. The first report after a quiet spell goes out
/// at once; a job that reports 10,000 times a second costs the bus about ten messages a second.
/// </summary>
internal sealed class BusJobReporter : IJobReporter, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const int MaxBatch = 500;

    private readonly IPublishEndpoint _bus;
    private readonly Guid _jobId;
    private readonly Guid _leaseId;
    private readonly Guid? _runId;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Task _flusher;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private List<JobLogEntry> _lines = [];
    private List<JobMetricPoint> _points = [];
    private JobProgressed? _progress;

    public BusJobReporter(IPublishEndpoint bus, Guid jobId, Guid leaseId, Guid? runId)
    {
        _bus = bus;
        _jobId = jobId;
        _leaseId = leaseId;
        _runId = runId;
        _flusher = Task.Run(FlushLoopAsync);
    }

    public void Progress(double percent, string? phase = null, string? message = null)
    {
        lock (_gate)
        {
            _progress = new JobProgressed(_jobId, _leaseId, percent, phase, message, DateTimeOffset.UtcNow);
        }

        _wake.Writer.TryWrite(true);
    }

    public void Log(string line)
    {
        lock (_gate)
        {
            _lines.Add(new JobLogEntry(DateTimeOffset.UtcNow, line));
        }

        _wake.Writer.TryWrite(true);
    }

    public void Metric(string key, double value, long step)
    {
        if (_runId is null)
        {
            return;
        }

        lock (_gate)
        {
            _points.Add(new JobMetricPoint(key, value, step, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// Sends whatever is pending now, after any flush already under way (so that nothing taken is dropped and the
    /// final flush before the job's completion really is the last).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            await FlushPendingAsync();
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <remarks>What could not be sent is put back, ahead of anything newer, for the next flush.</remarks>
    private async Task FlushPendingAsync()
    {
        JobProgressed? progress;
        List<JobLogEntry> lines;
        List<JobMetricPoint> points;
        lock (_gate)
        {
            (progress, _progress) = (_progress, null);
            (lines, _lines) = (_lines, []);
            (points, _points) = (_points, []);
        }

        var sentLines = 0;
        var sentPoints = 0;
        try
        {
            for (; sentLines < lines.Count; sentLines += MaxBatch)
            {
                await _bus.PublishBoundedAsync(new JobLogged(_jobId, _leaseId, lines.Skip(sentLines).Take(MaxBatch).ToArray()));
            }

            for (; sentPoints < points.Count; sentPoints += MaxBatch)
            {
                await _bus.PublishBoundedAsync(new JobMetricsLogged(_jobId, _leaseId, _runId!.Value, points.Skip(sentPoints).Take(MaxBatch).ToArray()));
            }

            if (progress is not null)
            {
                await _bus.PublishBoundedAsync(progress);
            }
        }
        catch
        {
            lock (_gate)
            {
                _lines.InsertRange(0, lines.Skip(sentLines));
                _points.InsertRange(0, points.Skip(sentPoints));
                _progress ??= progress;
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _flusher;
        _stop.Dispose();
        _flushing.Dispose();
    }

    private async Task FlushLoopAsync()
    {
        try
        {
            while (true)
            {
                await _wake.Reader.ReadAsync(_stop.Token);
                try
                {
                    // The stop token only ends the waits: a flush under way always completes.
                    await FlushAsync(CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    // The bus is away for a moment (a bounded publish timed out): what was taken waits for the next try.
                    _wake.Writer.TryWrite(true);
                }

                await Task.Delay(Interval, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
