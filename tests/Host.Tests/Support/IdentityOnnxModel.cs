using System.Text;

namespace Platform.Host.Tests.Support;

/// <summary>
/// A one-node ONNX model (Identity from a float input of shape [1] to output <c>y</c>), written field by field with the
/// ONNX field numbers, with the input named as asked: two of them with different input names have different schemas.
/// </summary>
public static class IdentityOnnxModel
{
    public static byte[] Bytes(string input)
    {
        var node = Concat(Text(1, input), Text(2, "y"), Text(4, "Identity"));
        var graph = Concat(Message(1, node), Text(2, "identity"), Message(11, Tensor(input)), Message(12, Tensor("y")));
        return Concat(Varint(1, 8), Message(7, graph), Message(8, Varint(2, 13)));
    }

    /// <summary>ValueInfoProto: name, and a float tensor type of shape [1].</summary>
    private static byte[] Tensor(string name) => Concat(Text(1, name), Message(2, Message(1, Concat(Varint(1, 1), Message(2, Message(1, Varint(1, 1)))))));

    private static byte[] Varint(int field, long value) => [(byte)(field << 3), .. VarintBytes(value)];

    private static byte[] Text(int field, string value) => Message(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Message(int field, byte[] body) => [(byte)((field << 3) | 2), .. VarintBytes(body.Length), .. body];

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static IEnumerable<byte> VarintBytes(long value)
    {
        do
        {
            var next = (byte)(value & 0x7F);
            value >>= 7;
            yield return value == 0 ? next : (byte)(next | 0x80);
        }
        while (value != 0);
    }
}
