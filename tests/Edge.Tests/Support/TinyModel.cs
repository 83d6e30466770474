using Google.Protobuf;

namespace Platform.Edge.Tests.Support;

/// <summary>
/// A one-node ONNX model (Identity, float input <c>x</c> [1] to output <c>y</c> [1]) written with protobuf's wire format,
/// so that serving tests need no training. <paramref name="label"/> goes into producer_name: each label is a different
/// file with its own SHA-256, as two versions of a model are.
/// </summary>
public static class TinyModel
{
    public static byte[] Bytes(string label)
    {
        var graph = Message(g =>
        {
            Nested(g, 1, n => // NodeProto: input, output, op_type
            {
                Text(n, 1, "x");
                Text(n, 2, "y");
                Text(n, 4, "Identity");
            });
            Text(g, 2, "tiny");
            Nested(g, 11, v => ValueInfo(v, "x"));
            Nested(g, 12, v => ValueInfo(v, "y"));
        });
        return Message(m =>
        {
            m.WriteTag(1, WireFormat.WireType.Varint);
            m.WriteInt64(8); // ir_version
            Text(m, 2, label);
            m.WriteTag(7, WireFormat.WireType.LengthDelimited);
            m.WriteBytes(ByteString.CopyFrom(graph));
            Nested(m, 8, o => // opset_import: version 13 of the default domain
            {
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(13);
            });
        });
    }

    /// <summary>ValueInfoProto: name, type { tensor_type { elem_type FLOAT, shape { dim { dim_value 1 } } } }.</summary>
    private static void ValueInfo(CodedOutputStream v, string name)
    {
        Text(v, 1, name);
        Nested(v, 2, type => Nested(type, 1, tensor =>
        {
            tensor.WriteTag(1, WireFormat.WireType.Varint);
            tensor.WriteInt32(1);
            Nested(tensor, 2, shape => Nested(shape, 1, dim =>
            {
                dim.WriteTag(1, WireFormat.WireType.Varint);
                dim.WriteInt64(1);
            }));
        }));
    }

    private static void Text(CodedOutputStream stream, int field, string value)
    {
        stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
        stream.WriteString(value);
    }

    private static void Nested(CodedOutputStream stream, int field, Action<CodedOutputStream> write)
    {
        stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
        stream.WriteBytes(ByteString.CopyFrom(Message(write)));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var stream = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(stream);
        }

        return buffer.ToArray();
    }
}
