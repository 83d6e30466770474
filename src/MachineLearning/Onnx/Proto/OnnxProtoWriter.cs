using Google.Protobuf;
using static Platform.MachineLearning.Onnx.Proto.ProtoFields;

namespace Platform.MachineLearning.Onnx.Proto;

/// <summary>
/// Serialises the ONNX records to protobuf bytes with <see cref="CodedOutputStream"/> and the field
/// numbers of onnx.proto (no generated code). Repeated numbers are written packed.
/// </summary>
internal static class OnnxProtoWriter
{
    public static byte[] Serialize(OnnxModel model) => Message(o =>
    {
        Int64(o, 1, model.IrVersion);
        Text(o, 2, model.ProducerName);
        Text(o, 3, model.ProducerVersion);
        Text(o, 6, model.DocString);
        Nested(o, 7, g => Graph(g, model.Graph));
        foreach (var (domain, version) in model.OperatorSets)
        {
            Nested(o, 8, s =>
            {
                Text(s, 1, domain);
                Int64(s, 2, version);
            });
        }

        foreach (var (key, value) in model.Metadata)
        {
            Nested(o, 14, e =>
            {
                Text(e, 1, key);
                Text(e, 2, value);
            });
        }
    });

    private static void Graph(CodedOutputStream o, OnnxGraph graph)
    {
        foreach (var node in graph.Nodes)
        {
            Nested(o, 1, n => Node(n, node));
        }

        Text(o, 2, graph.Name);
        foreach (var tensor in graph.Initializers)
        {
            Nested(o, 5, t => Tensor(t, tensor));
        }

        foreach (var input in graph.Inputs)
        {
            Nested(o, 11, v => ValueInfo(v, input));
        }

        foreach (var output in graph.Outputs)
        {
            Nested(o, 12, v => ValueInfo(v, output));
        }
    }

    private static void Node(CodedOutputStream o, OnnxNode node)
    {
        node.Inputs.ToList().ForEach(input => Text(o, 1, input));
        node.Outputs.ToList().ForEach(output => Text(o, 2, output));
        Text(o, 3, node.Name);
        Text(o, 4, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            Nested(o, 5, a => Attribute(a, attribute));
        }

        Text(o, 7, node.Domain);
    }

    private static void Attribute(CodedOutputStream o, OnnxAttribute a)
    {
        Text(o, 1, a.Name);
        switch (a.Type)
        {
            case OnnxAttributeType.Float:
                Float(o, 2, a.FloatValue);
                break;
            case OnnxAttributeType.Int:
                Int64(o, 3, a.IntValue);
                break;
            case OnnxAttributeType.String:
                Text(o, 4, a.StringValue!);
                break;
            case OnnxAttributeType.Tensor:
                Nested(o, 5, t => Tensor(t, a.TensorValue!));
                break;
            case OnnxAttributeType.Floats:
                Nested(o, 7, p => Array.ForEach(a.FloatValues!, p.WriteFloat));
                break;
            case OnnxAttributeType.Ints:
                Nested(o, 8, p => Array.ForEach(a.IntValues!, p.WriteInt64));
                break;
            case OnnxAttributeType.Strings:
                Array.ForEach(a.StringValues!, s => Text(o, 9, s));
                break;
            default:
                throw new InvalidOperationException($"Attribute type {a.Type} is not written.");
        }

        Int64(o, 20, (long)a.Type);
    }

    private static void Tensor(CodedOutputStream o, OnnxTensor tensor)
    {
        Nested(o, 1, p => Array.ForEach(tensor.Dims, p.WriteInt64));
        Int64(o, 2, (long)tensor.DataType);
        Text(o, 8, tensor.Name);
        Bytes(o, 9, tensor.RawData);
    }

    private static void ValueInfo(CodedOutputStream o, OnnxValueInfo info)
    {
        Text(o, 1, info.Name);
        Nested(o, 2, type => Nested(type, 1, tensorType =>
        {
            Int64(tensorType, 1, (long)info.ElementType);
            Nested(tensorType, 2, shape =>
            {
                foreach (var dim in info.Shape)
                {
                    Nested(shape, 1, d =>
                    {
                        if (dim is { } size)
                        {
                            Int64(d, 1, size);
                        }
                        else
                        {
                            Text(d, 2, "N");
                        }
                    });
                }
            });
        }));
    }
}
