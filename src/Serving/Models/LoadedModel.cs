using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Evaluation;
using Platform.Serving.Batching;
using Platform.Serving.Protocol;
using Platform.Serving.Telemetry;

namespace Platform.Serving.Models;

/// <summary>
/// One model version in memory: its ONNX Runtime session, schema and micro-batcher. Reference counted: the serving
/// state holds one lease while the version is part of it and each request holds one while it runs; the session is
/// disposed when the last lease is released, so a version swapped out finishes its in-flight requests first.
/// </summary>
public sealed class LoadedModel
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
        BatchingOptions batching, ServingMetrics metrics, ILogger logger)
    {
        Endpoint = endpoint;
        Version = version;
        Source = source;
        Provider = provider;
        _session = session;
        _metrics = metrics;
        _logger = logger;
        Schema = ModelSchema.Read(session);
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

    private NamedTensor[] RunDirect(NamedTensor[] inputs)
    {
        Interlocked.Increment(ref _runs);
        var values = new OrtValue[inputs.Length];
        try
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                values[i] = OrtTensors.ToOrtValue(inputs[i]);
            }

            using var outputs = _session.Run(_runOptions, Schema.InputNames, values, Schema.OutputNames);
            var results = new NamedTensor[outputs.Count];
            for (var o = 0; o < results.Length; o++)
            {
                results[o] = OrtTensors.ReadRows(Schema.OutputNames[o], outputs[o]);
            }

            return results;
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>Runs one micro-batch (one batch leader at a time calls this): on buffers bound for its size when the model allows.</summary>
    private NamedTensor[][] RunBatch(IReadOnlyList<PendingInference> batch, int rows)
    {
        _metrics.Batched(Endpoint, Version, rows);
        if (_bound is null || rows >= _bound.Length)
        {
            return RunStacked(batch, rows);
        }

        Interlocked.Increment(ref _runs);
        var bound = _bound[rows] ??= new BoundBatch(_session, Schema, rows);
        var offset = 0;
        foreach (var pending in batch)
        {
            var data = (float[])pending.Input.Data;
            data.CopyTo(bound.Input, offset);
            offset += data.Length;
        }

        bound.Run(_session, _runOptions);
        var results = new NamedTensor[batch.Count][];
        var firstRow = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var own = new NamedTensor[Schema.Outputs.Count];
            for (var o = 0; o < own.Length; o++)
            {
                own[o] = Slice(Schema.Outputs[o], bound.Outputs[o], firstRow, batch[i].Rows);
            }

            results[i] = own;
            firstRow += batch[i].Rows;
        }

        return results;
    }

    private static NamedTensor Slice(TensorSpec spec, Array source, int firstRow, int rows)
    {
        var perRow = BoundBatch.RowElements(spec);
        var data = spec.Datatype.NewArray(rows * perRow);
        Array.Copy(source, firstRow * perRow, data, 0, rows * perRow);
        var shape = new long[spec.Shape.Count];
        shape[0] = rows;
        for (var d = 1; d < shape.Length; d++)
        {
            shape[d] = spec.Shape[d];
        }

        return new NamedTensor(spec.Name, spec.Datatype, shape, data);
    }

    /// <summary>Stacks the requests' rows into one buffer, runs once, slices the outputs (models with dynamic output sizes).</summary>
    private NamedTensor[][] RunStacked(IReadOnlyList<PendingInference> batch, int rows)
    {
        if (batch.Count == 1)
        {
            return [RunDirect([batch[0].Input])];
        }

        Interlocked.Increment(ref _runs);
        var rowElements = (int)NamedTensor.ElementCount(_rowShape);
        var total = rows * rowElements;
        if (_batchBuffer.Length < total)
        {
            _batchBuffer = new float[total];
        }

        var offset = 0;
        foreach (var pending in batch)
        {
            var data = (float[])pending.Input.Data;
            data.CopyTo(_batchBuffer, offset);
            offset += data.Length;
        }

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _batchBuffer.AsMemory(0, total), [rows, .. _rowShape]);
        using var outputs = _session.Run(_runOptions, Schema.InputNames, [input], Schema.OutputNames);
        var results = new NamedTensor[batch.Count][];
        var firstRow = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var own = new NamedTensor[outputs.Count];
            for (var o = 0; o < own.Length; o++)
            {
                own[o] = OrtTensors.ReadRows(Schema.OutputNames[o], outputs[o], firstRow, batch[i].Rows);
            }

            results[i] = own;
            firstRow += batch[i].Rows;
        }

        return results;
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
