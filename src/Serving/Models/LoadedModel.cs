using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Evaluation;
using Platform.Serving.Batching;
using Platform.Serving.Monitoring;
using Platform.Serving.Protocol;
using Platform.Serving.Telemetry;

namespace Platform.Serving.Models;

/// <summary>
/// One model version in memory: its ONNX Runtime session, schema and micro-batcher. Reference counted: the serving
/// state holds one lease while the version is part of it and each request holds one while it runs; the session is
/// disposed when the last lease is released, so a version swapped out finishes its in-flight requests first.
/// </summary>
public sealed partial class LoadedModel
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly MicroBatcher? _batcher;
    private readonly ServingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _unloaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long[] _rowShape;
    private readonly BoundBatch?[]? _bound;
    private float[] _batchBuffer = [];
    private RecordsReader? _recordsReader;
    private long _runs;
    private int _leases = 1;

    internal LoadedModel(
        string endpoint, string version, string source, InferenceSession session, ExecutionProviderReport provider,
        BatchingOptions batching, ServingMetrics metrics, ILogger logger, int sampleSize = 0)
    {
        Endpoint = endpoint;
        Version = version;
        Source = source;
        Provider = provider;
        _session = session;
        _metrics = metrics;
        _logger = logger;
        Schema = ModelSchema.Read(session);
        Monitor = new VersionMonitor(sampleSize, Schema.FeatureNames);
        _rowShape = Schema.IsBatchable ? [.. Schema.Inputs[0].Shape.Skip(1)] : [];
        _batcher = Schema.IsBatchable ? new MicroBatcher(RunBatch, batching) : null;
        _bound = BoundBatch.Supports(Schema) ? new BoundBatch?[batching.MaxBatchSize + 1] : null;
    }

    public string Endpoint { get; }

    public string Version { get; }

    /// <summary>Where the model was read from (its path).</summary>
    public string Source { get; }

    public ModelSchema Schema { get; }

    public ExecutionProviderReport Provider { get; }

    /// <summary>Requests, errors and latency of this version (rolling window and since the last report), and its sampled rows.</summary>
    public VersionMonitor Monitor { get; }

    /// <summary>ONNX Runtime calls made so far (fewer than requests when micro-batching works).</summary>
    public long RunCount => Interlocked.Read(ref _runs);

    /// <summary>Reads <c>/predict</c> bodies for this model; throws <see cref="InvalidInputException"/> when the model is not an FP32 [N, F] table.</summary>
    public RecordsReader RecordsReader => _recordsReader ??= new RecordsReader(Schema);

    /// <summary>Completes when the session has been disposed after the last lease was released.</summary>
    public Task Unloaded => _unloaded.Task;

    /// <summary>Runs validated inputs (in <see cref="ModelSchema.Inputs"/> order); batchable models go through the micro-batcher.</summary>
    public ValueTask<NamedTensor[]> InferAsync(NamedTensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return _batcher is not null ? _batcher.EnqueueAsync(inputs[0]) : ValueTask.FromResult(RunDirect(inputs));
    }

    /// <summary>Takes a lease unless the version is already drained.</summary>
    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _leases);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _leases, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0)
        {
            _ = UnloadAsync();
        }
    }

    private async Task UnloadAsync()
    {
        try
        {
            _batcher?.Complete();
            await Task.Yield();
            foreach (var bound in _bound ?? [])
            {
                bound?.Dispose();
            }

            _session.Dispose();
            _runOptions.Dispose();
            _logger.LogInformation("Unloaded {Endpoint} version {Version} after {Runs} runs", Endpoint, Version, RunCount);
        }
        finally
        {
            _unloaded.TrySetResult();
        }
    }
}
