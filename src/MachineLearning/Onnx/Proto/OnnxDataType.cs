namespace Platform.MachineLearning.Onnx.Proto;

/// <summary>TensorProto.DataType values (onnx.proto) used by the exporter.</summary>
internal enum OnnxDataType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Double = 11,
}
