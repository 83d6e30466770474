using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.Serving.Models;

/// <summary>The tensor element types of the Open Inference Protocol that this server moves in and out of ONNX Runtime.</summary>
public enum TensorDatatype
{
    Unsupported,
    Bool,
    Int32,
    Int64,
    Fp32,
    Fp64,

    /// <summary>Strings (the protocol's BYTES; ONNX string tensors), e.g. the raw values of categorical features.</summary>
    Bytes,
}

/// <summary>Names of <see cref="TensorDatatype"/> on the wire ("FP32", "INT64", ...) and their ONNX Runtime counterparts.</summary>
public static class TensorDatatypes
{
    public static string ToWire(this TensorDatatype datatype) => datatype switch
    {
        TensorDatatype.Bool => "BOOL",
        TensorDatatype.Int32 => "INT32",
        TensorDatatype.Int64 => "INT64",
        TensorDatatype.Fp32 => "FP32",
        TensorDatatype.Fp64 => "FP64",
        TensorDatatype.Bytes => "BYTES",
        _ => "UNSUPPORTED",
    };

    public static TensorDatatype FromWire(string? text) => text switch
    {
        "BOOL" => TensorDatatype.Bool,
        "INT32" => TensorDatatype.Int32,
        "INT64" => TensorDatatype.Int64,
        "FP32" => TensorDatatype.Fp32,
        "FP64" => TensorDatatype.Fp64,
        "BYTES" => TensorDatatype.Bytes,
        _ => TensorDatatype.Unsupported,
    };

    public static TensorDatatype FromOrt(TensorElementType type) => type switch
    {
        TensorElementType.Bool => TensorDatatype.Bool,
        TensorElementType.Int32 => TensorDatatype.Int32,
        TensorElementType.Int64 => TensorDatatype.Int64,
        TensorElementType.Float => TensorDatatype.Fp32,
        TensorElementType.Double => TensorDatatype.Fp64,
        TensorElementType.String => TensorDatatype.Bytes,
        _ => TensorDatatype.Unsupported,
    };

    /// <summary>The element array for <paramref name="count"/> elements of <paramref name="datatype"/>.</summary>
    public static Array NewArray(this TensorDatatype datatype, int count) => datatype switch
    {
        TensorDatatype.Bool => new bool[count],
        TensorDatatype.Int32 => new int[count],
        TensorDatatype.Int64 => new long[count],
        TensorDatatype.Fp32 => new float[count],
        TensorDatatype.Fp64 => new double[count],
        TensorDatatype.Bytes => new string[count],
        _ => throw new NotSupportedException($"Datatype {datatype} has no element array."),
    };
}
