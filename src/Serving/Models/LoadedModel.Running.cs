using Microsoft.ML.OnnxRuntime;
using Platform.Serving.Batching;

namespace Platform.Serving.Models;

/// <summary>How a <see cref="LoadedModel"/> runs: one request alone, or a micro-batch on bound buffers or stacked rows.</summary>
public sealed partial class LoadedModel
{
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
}
