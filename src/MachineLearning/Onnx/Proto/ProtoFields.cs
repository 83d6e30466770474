using Google.Protobuf;

namespace Platform.MachineLearning.Onnx.Proto;

/// <summary>Writes single protobuf fields (tag + value) and nested messages with <see cref="CodedOutputStream"/>.</summary>
internal static class ProtoFields
{
    public static void Int64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    public static void Float(CodedOutputStream output, int field, float value)
    {
        output.WriteTag(field, WireFormat.WireType.Fixed32);
        output.WriteFloat(value);
    }

    public static void Text(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    public static void Bytes(CodedOutputStream output, int field, byte[] value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(value));
    }

    /// <summary>A length-delimited field whose content <paramref name="write"/> produces (a message or a packed list).</summary>
    public static void Nested(CodedOutputStream output, int field, Action<CodedOutputStream> write) =>
        Bytes(output, field, Message(write));

    public static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
            output.Flush();
        }

        return buffer.ToArray();
    }
}
