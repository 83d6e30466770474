using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Serving.Models;

namespace Platform.Serving.Batching;

/// <summary>
/// Dynamic micro-batching for one model version. The request that finds no batch being formed becomes the leader
/// without queueing (its own row first); others queue on a lock-free queue. The leader takes up to <see cref="BatchingOptions.MaxBatchSize"/> rows (waiting at most
/// <see cref="BatchingOptions.MaxBatchDelay"/> for more once the queue is empty), makes one ONNX Runtime call for all
/// of them on its own thread and hands each caller its own rows. Requests that arrive while a batch runs form the next
/// one. The leader needs no thread hop; once its own row is answered, leftover work moves to the thread pool, so that
/// no request waits on others for long.
/// </summary>
internal sealed class MicroBatcher
{
    /// <summary>Runs one batch of <paramref name="rows"/> rows; returns each request's outputs, in batch order.</summary>
    public delegate NamedTensor[][] BatchRunner(IReadOnlyList<PendingInference> batch, int rows);

    // Lock-free: a locked queue (Channel) made requests wait on each other for its lock on a busy machine.
    private readonly ConcurrentQueue<PendingInference> _queue = new();

    private readonly BatchRunner _run;
    private readonly BatchingOptions _options;
    private readonly long _delayTicks;
    private readonly List<PendingInference> _batch;
    private int _leading;
    private volatile bool _completed;

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
        if (_completed)
        {
            pending.Fail(new ObjectDisposedException(nameof(MicroBatcher), "The model version was unloaded."));
        }
        else if (Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
        {
            _ = LeadAsync(pending);
        }
        else
        {
            // Queued first, then the lead tried again: a leader that let go saw this request or lets this one lead.
            _queue.Enqueue(pending);
            if (Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
            {
                _ = LeadAsync(null);
            }
        }

        return task;
    }

    /// <summary>Stops taking requests (the version is unloaded only once none is in flight, so the queue is empty).</summary>
    public void Complete() => _completed = true;

    /// <summary>Forms and runs batches while requests wait, <paramref name="own"/> (not queued) first; the caller holds <see cref="_leading"/>.</summary>
    private async Task LeadAsync(PendingInference? own)
    {
        var first = own;
        while (true)
        {
            var rows = 0;
            if (first is not null)
            {
                _batch.Add(first);
                rows = first.Rows;
                first = null;
            }

            rows = Take(rows);
            if (_batch.Count == 0)
            {
                // A full fence between letting go and looking at the queue (an enqueuer does the opposite).
                Interlocked.Exchange(ref _leading, 0);
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _leading, 1, 0) != 0)
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
                    rows = Take(rows);
                    if (rows == before)
                    {
                        await Task.Yield();
                    }
                }
            }

            // The leader's own request is always in its first batch; once answered, the caller may recycle it.
            var ownAnswered = own is not null;
            own = null;
            Run(rows);
            if (ownAnswered && !_queue.IsEmpty)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static batcher => _ = batcher.LeadAsync(null), this, preferLocal: false);
                return;
            }
        }
    }

    /// <summary>Moves queued requests into the batch while they fit; the first one always fits.</summary>
    private int Take(int rows)
    {
        // Only the leader dequeues, so the peeked request is the one dequeued.
        while (_queue.TryPeek(out var next) && (_batch.Count == 0 || rows + next.Rows <= _options.MaxBatchSize))
        {
            _queue.TryDequeue(out _);
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
