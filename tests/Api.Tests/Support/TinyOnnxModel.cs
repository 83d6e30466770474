using System.Text;

namespace Platform.Api.Tests.Support;

/// <summary>
/// The smallest ONNX model ONNX Runtime loads: one Identity node from float input <c>x</c> (or as named) [1] to output <c>y</c> [1],
/// written field by field (ONNX field numbers: ModelProto ir_version 1, graph 7, opset_import 8), so that registry
/// tests need no training. The host tests compile this same file (linked).
/// </summary>
public static class TinyOnnxModel
{
    /// <param name="input">The input's name: two models with different input names have different schemas.</param>
    public static byte[] Bytes(string input = "x")
    {
        var node = Concat(Text(1, input), Text(2, "y"), Text(4, "Identity"));
        var graph = Concat(Message(1, node), Text(2, "identity"), Message(11, Tensor(input)), Message(12, Tensor("y")));
        var opset = Varint(2, 13);
        return Concat(Varint(1, 8), Message(7, graph), Message(8, opset));
    }

    /// <summary>ValueInfoProto: name, and a float tensor type of shape [1].</summary>
    private static byte[] Tensor(string name)
    {
        var shape = Message(1, Varint(1, 1));
        var tensorType = Concat(Varint(1, 1), Message(2, shape));
        return Concat(Text(1, name), Message(2, Message(1, tensorType)));
    }

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
