using System.Collections.Concurrent;
using System.Threading.Tasks.Sources;
using Platform.Serving.Models;

namespace Platform.Serving.Batching;

/// <summary>
/// One request waiting in a <see cref="MicroBatcher"/>: its input rows and the awaitable its caller holds. Pooled:
/// the caller's <c>await</c> returns the object to the pool, so a request allocates no task and no completion source.
/// </summary>
internal sealed class PendingInference : IValueTaskSource<NamedTensor[]>
{
    private const int MaxPooled = 1024;
    private static readonly ConcurrentQueue<PendingInference> Pool = new();

    // Continuations run on the thread pool, never on the batch loop that completes them.
    private ManualResetValueTaskSourceCore<NamedTensor[]> _core = new() { RunContinuationsAsynchronously = true };

    public NamedTensor Input { get; private set; } = null!;

    public int Rows => Input.Rows;

    public ValueTask<NamedTensor[]> Task => new(this, _core.Version);

    public static PendingInference Rent(NamedTensor input)
    {
        var pending = Pool.TryDequeue(out var pooled) ? pooled : new PendingInference();
        pending.Input = input;
        return pending;
    }

    public void Complete(NamedTensor[] outputs) => _core.SetResult(outputs);

    public void Fail(Exception error) => _core.SetException(error);

    public NamedTensor[] GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            Input = null!;
            _core.Reset();
            if (Pool.Count < MaxPooled)
            {
                Pool.Enqueue(this);
            }
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
