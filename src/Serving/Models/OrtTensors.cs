using Microsoft.ML.OnnxRuntime;

namespace Platform.Serving.Models;

/// <summary>Moves <see cref="NamedTensor"/> data into ONNX Runtime (numbers pinned in place, no copy) and rows of its outputs back out.</summary>
internal static class OrtTensors
{
    public static OrtValue ToOrtValue(NamedTensor tensor) => tensor.Data switch
    {
        float[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        double[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        long[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        int[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        bool[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        string[] data => Strings(data, tensor.Shape),
        _ => throw new NotSupportedException($"Tensor '{tensor.Name}' holds {tensor.Data.GetType().Name}, which is not a supported element array."),
    };

    /// <summary>A string tensor (copied into ONNX Runtime's memory: strings cannot be pinned in place).</summary>
    private static OrtValue Strings(string[] data, long[] shape)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        for (var i = 0; i < data.Length; i++)
        {
            value.StringTensorSetElementAt(data[i].AsSpan(), i);
        }

        return value;
    }

    /// <summary>
    /// Rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="rows"/>) of an output whose first
    /// dimension is the batch; the whole output when <paramref name="rows"/> is -1.
    /// </summary>
    public static NamedTensor ReadRows(string name, OrtValue value, int firstRow = 0, int rows = -1)
    {
        var info = value.GetTensorTypeAndShape();
        var shape = info.Shape;
        var datatype = TensorDatatypes.FromOrt(info.ElementDataType);
        if (rows < 0)
        {
            rows = shape.Length == 0 ? 1 : (int)shape[0];
        }

        var perRow = shape.Length == 0 ? 1 : (int)NamedTensor.ElementCount(shape.AsSpan(1));
        var start = firstRow * perRow;
        var count = rows * perRow;
        Array data = datatype switch
        {
            TensorDatatype.Fp32 => value.GetTensorDataAsSpan<float>().Slice(start, count).ToArray(),
            TensorDatatype.Fp64 => value.GetTensorDataAsSpan<double>().Slice(start, count).ToArray(),
            TensorDatatype.Int64 => value.GetTensorDataAsSpan<long>().Slice(start, count).ToArray(),
            TensorDatatype.Int32 => value.GetTensorDataAsSpan<int>().Slice(start, count).ToArray(),
            TensorDatatype.Bool => value.GetTensorDataAsSpan<bool>().Slice(start, count).ToArray(),
            _ => throw new NotSupportedException($"Output '{name}' has element type {info.ElementDataType}, which this server cannot return."),
        };
        long[] outShape = shape.Length == 0 ? [] : [rows, .. shape.AsSpan(1)];
        return new NamedTensor(name, datatype, outShape, data);
    }
}
