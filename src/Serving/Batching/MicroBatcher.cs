using System.Diagnostics;
using System.Threading.Channels;
using Platform.Serving.Models;

namespace Platform.Serving.Batching;

/// <summary>
/// Dynamic micro-batching for one model version: concurrent requests queue on a channel; one loop takes up to
/// <see cref="BatchingOptions.MaxBatchSize"/> rows (waiting at most <see cref="BatchingOptions.MaxBatchDelay"/> for
/// more once the queue is empty), makes one ONNX Runtime call for all of them and hands each caller its own rows.
/// </summary>
internal sealed class MicroBatcher : IAsyncDisposable
{
    /// <summary>Runs one batch of <paramref name="rows"/> rows; returns each request's outputs, in batch order.</summary>
    public delegate NamedTensor[][] BatchRunner(IReadOnlyList<PendingInference> batch, int rows);

    private readonly Channel<PendingInference> _queue = Channel.CreateUnbounded<PendingInference>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly BatchRunner _run;
    private readonly BatchingOptions _options;
    private readonly long _delayTicks;
    private readonly Task _loop;

    public MicroBatcher(BatchRunner run, BatchingOptions options)
    {
        _run = run;
        _options = options;
        _delayTicks = (long)(options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
        _loop = Task.Run(LoopAsync);
    }

    public ValueTask<NamedTensor[]> EnqueueAsync(NamedTensor input)
    {
        var pending = PendingInference.Rent(input);
        var task = pending.Task;
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(MicroBatcher), "The model version was unloaded."));
        }

        return task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingInference>(_options.MaxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var rows = Take(reader, batch, 0);
            if (rows < _options.MaxBatchSize && _delayTicks > 0)
            {
                var deadline = Stopwatch.GetTimestamp() + _delayTicks;
                while (rows < _options.MaxBatchSize && Stopwatch.GetTimestamp() < deadline)
                {
                    var before = rows;
                    rows = Take(reader, batch, rows);
                    if (rows == before)
                    {
                        await Task.Yield();
                    }
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            Run(batch, rows);
            batch.Clear();
        }
    }

    /// <summary>Moves queued requests into <paramref name="batch"/> while they fit; the first one always fits.</summary>
    private int Take(ChannelReader<PendingInference> reader, List<PendingInference> batch, int rows)
    {
        while (reader.TryPeek(out var next) && (batch.Count == 0 || rows + next.Rows <= _options.MaxBatchSize))
        {
            reader.TryRead(out _);
            batch.Add(next);
            rows += next.Rows;
            if (rows >= _options.MaxBatchSize)
            {
                break;
            }
        }

        return rows;
    }

    private void Run(List<PendingInference> batch, int rows)
    {
        NamedTensor[][] outputs;
        try
        {
            outputs = _run(batch, rows);
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Fail(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(outputs[i]);
        }
    }
}
