using System.Runtime.InteropServices;

namespace Platform.MachineLearning.Onnx.Proto;

/// <summary>A TensorProto with its data as little-endian raw bytes (the layout ONNX's raw_data expects).</summary>
internal sealed record OnnxTensor(string Name, OnnxDataType DataType, long[] Dims, byte[] RawData)
{
    public static OnnxTensor Floats(string name, long[] dims, float[] values) =>
        new(name, OnnxDataType.Float, dims, Bytes<float>(values));

    public static OnnxTensor Doubles(string name, long[] dims, double[] values) =>
        new(name, OnnxDataType.Double, dims, Bytes<double>(values));

    public static OnnxTensor Int64s(string name, long[] dims, long[] values) =>
        new(name, OnnxDataType.Int64, dims, Bytes<long>(values));

    private static byte[] Bytes<T>(T[] values)
        where T : struct
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX export needs a little-endian machine.");
        }

        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }
}
