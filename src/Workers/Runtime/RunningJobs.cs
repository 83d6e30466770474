using System.Collections.Concurrent;

namespace Platform.Workers.Runtime;

/// <summary>Why a running job was stopped before it finished.</summary>
public enum StopReason
{
    None,
    CancelRequested,
    LeaseLost,
    TimedOut,
    Shutdown,
}

/// <summary>The jobs this worker is running, so that a cancellation or a shutdown can reach them.</summary>
public sealed class RunningJobs(int maxConcurrentJobs)
{
    private readonly ConcurrentDictionary<Guid, RunningJob> _jobs = new();
    private readonly SemaphoreSlim _slots = new(maxConcurrentJobs, maxConcurrentJobs);

    /// <summary>Waits for one of the worker's job slots: the limit holds across all the queues the worker serves.</summary>
    public async Task<IDisposable> TakeSlotAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public Guid? Any => _jobs.Keys.FirstOrDefault() is var id && id != Guid.Empty ? id : null;

    public int Count => _jobs.Count;

    /// <returns>Null when this worker already runs the job (its message was redelivered after a broker restart).</returns>
    public RunningJob? TryStart(Guid jobId, TimeSpan timeout)
    {
        var job = new RunningJob(jobId, timeout);
        if (_jobs.TryAdd(jobId, job))
        {
            return job;
        }

        job.Dispose();
        return null;
    }

    public void Finish(Guid jobId)
    {
        if (_jobs.TryRemove(jobId, out var job))
        {
            job.Dispose();
        }
    }

    public bool Stop(Guid jobId, StopReason reason)
    {
        if (!_jobs.TryGetValue(jobId, out var job))
        {
            return false;
        }

        job.Stop(reason);
        return true;
    }

    public void StopAll(StopReason reason)
    {
        foreach (var job in _jobs.Values)
        {
            job.Stop(reason);
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }

    public async Task WaitUntilIdleAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!_jobs.IsEmpty && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }
}

/// <summary>One running job: its cancellation, and the first reason it was stopped for.</summary>
public sealed class RunningJob : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private int _reason;

    /// <remarks>Not linked to the message's token: on shutdown the job gets its grace period (see <see cref="ShutdownCoordinator"/>).</remarks>
    public RunningJob(Guid jobId, TimeSpan timeout)
    {
        JobId = jobId;
        _cancellation = new CancellationTokenSource();
        Timeout = new CancellationTokenSource(timeout);
        Timeout.Token.Register(() => Stop(StopReason.TimedOut));
    }

    public Guid JobId { get; }
    public CancellationToken Token => _cancellation.Token;
    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);
    private CancellationTokenSource Timeout { get; }

    public void Stop(StopReason reason)
    {
        Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None);
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        Timeout.Dispose();
        _cancellation.Dispose();
    }
}
