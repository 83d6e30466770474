using System.Diagnostics;
using System.Threading.Channels;
using Platform.Serving.Models;

namespace Platform.Serving.Batching;

/// <summary>
/// Dynamic micro-batching for one model version. Requests queue on a channel; the request that finds no batch being
/// formed becomes the leader: it takes up to <see cref="BatchingOptions.MaxBatchSize"/> rows (waiting at most
/// <see cref="BatchingOptions.MaxBatchDelay"/> for more once the queue is empty), makes one ONNX Runtime call for all
/// of them on its own thread and hands each caller its own rows. Requests that arrive while a batch runs form the next
/// one. The leader needs no thread hop; once its own row is answered, leftover work moves to the thread pool, so that
/// no request waits on others for long.
/// </summary>
internal sealed class MicroBatcher
{
    /// <summary>Runs one batch of <paramref name="rows"/> rows; returns each request's outputs, in batch order.</summary>
    public delegate NamedTensor[][] BatchRunner(IReadOnlyList<PendingInference> batch, int rows);

    private readonly Channel<PendingInference> _queue = Channel.CreateUnbounded<PendingInference>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly BatchRunner _run;
    private readonly BatchingOptions _options;
    private readonly long _delayTicks;
    private readonly List<PendingInference> _batch;
    private int _leading;

    public MicroBatcher(BatchRunner run, BatchingOptions options)
    {
        _run = run;
        _options = options;
        _delayTicks = (long)(options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
        _batch = new List<PendingInference>(options.MaxBatchSize);
    }

    public ValueTask<NamedTensor[]> EnqueueAsync(NamedTensor input)
    {
        var pending = PendingInference.Rent(input);
        var task = pending.Task;
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(MicroBatcher), "The model version was unloaded."));
        }
        else if (Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
        {
            _ = LeadAsync(pending);
        }

        return task;
    }

    /// <summary>Stops taking requests (the version is unloaded only once none is in flight, so the queue is empty).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Forms and runs batches while requests wait; the caller holds <see cref="_leading"/>.</summary>
    private async Task LeadAsync(PendingInference? own)
    {
        var reader = _queue.Reader;
        while (true)
        {
            var rows = Take(reader, 0);
            if (_batch.Count == 0)
            {
                Volatile.Write(ref _leading, 0);
                if (!reader.TryPeek(out _) || Interlocked.CompareExchange(ref _leading, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            if (rows < _options.MaxBatchSize && _delayTicks > 0)
            {
                var deadline = Stopwatch.GetTimestamp() + _delayTicks;
                while (rows < _options.MaxBatchSize && Stopwatch.GetTimestamp() < deadline)
                {
                    var before = rows;
                    rows = Take(reader, rows);
                    if (rows == before)
                    {
                        await Task.Yield();
                    }
                }
            }

            // Checked before the run: once answered, the caller may recycle its pending request.
            var ownAnswered = own is not null && _batch.Contains(own);
            Run(rows);
            if (ownAnswered && reader.TryPeek(out _))
            {
                ThreadPool.UnsafeQueueUserWorkItem(static batcher => _ = batcher.LeadAsync(null), this, preferLocal: false);
                return;
            }
        }
    }

    /// <summary>Moves queued requests into the batch while they fit; the first one always fits.</summary>
    private int Take(ChannelReader<PendingInference> reader, int rows)
    {
        while (reader.TryPeek(out var next) && (_batch.Count == 0 || rows + next.Rows <= _options.MaxBatchSize))
        {
            reader.TryRead(out _);
            _batch.Add(next);
            rows += next.Rows;
            if (rows >= _options.MaxBatchSize)
            {
                break;
            }
        }

        return rows;
    }

    private void Run(int rows)
    {
        NamedTensor[][]? outputs = null;
        Exception? error = null;
        try
        {
            outputs = _run(_batch, rows);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        for (var i = 0; i < _batch.Count; i++)
        {
            if (outputs is not null)
            {
                _batch[i].Complete(outputs[i]);
            }
            else
            {
                _batch[i].Fail(error!);
            }
        }

        _batch.Clear();
    }
}
