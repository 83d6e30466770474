using Platform.Workers.Executors;

namespace Platform.E2E.Tests;

/// <summary>
/// The in-process worker's real train executor, held at its start while a test says so: a test that must see a
/// job's lines arrive live opens the job page first, then lets the training begin. Open unless held.
/// </summary>
public sealed class TrainingGate(IJobExecutor inner) : IJobExecutor
{
    private TaskCompletionSource _open = Opened();

    public string Kind => inner.Kind;

    /// <summary>Holds every train job at its start until the answer is disposed.</summary>
    public IDisposable Hold()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _open = held;
        return new Release(held);
    }

    public async Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken)
    {
        await _open.Task.WaitAsync(cancellationToken);
        return await inner.ExecuteAsync(job, reporter, cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }

    private sealed class Release(TaskCompletionSource held) : IDisposable
    {
        public void Dispose() => held.TrySetResult();
    }
}
