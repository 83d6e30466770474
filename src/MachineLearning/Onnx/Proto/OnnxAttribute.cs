namespace Platform.MachineLearning.Onnx.Proto;

/// <summary>AttributeProto.AttributeType values (onnx.proto).</summary>
internal enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Floats = 6,
    Ints = 7,
    Strings = 8,
}

/// <summary>A node attribute; exactly the field matching <see cref="Type"/> is set.</summary>
internal sealed record OnnxAttribute(
    string Name,
    OnnxAttributeType Type,
    float FloatValue = 0,
    long IntValue = 0,
    string? StringValue = null,
    OnnxTensor? TensorValue = null,
    float[]? FloatValues = null,
    long[]? IntValues = null,
    string[]? StringValues = null)
{
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeType.Float, FloatValue: value);

    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeType.Int, IntValue: value);

    public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeType.String, StringValue: value);

    public static OnnxAttribute Tensor(string name, OnnxTensor value) => new(name, OnnxAttributeType.Tensor, TensorValue: value);

    public static OnnxAttribute Floats(string name, float[] values) => new(name, OnnxAttributeType.Floats, FloatValues: values);

    public static OnnxAttribute Ints(string name, long[] values) => new(name, OnnxAttributeType.Ints, IntValues: values);

    public static OnnxAttribute Strings(string name, string[] values) => new(name, OnnxAttributeType.Strings, StringValues: values);
}
