using System.Buffers.Binary;

namespace Platform.MachineLearning.Federated.Compression;

/// <summary>How an update's values travel (the second byte of <see cref="UpdateEncoding"/>).</summary>
public enum UpdateFormat : byte
{
    /// <summary>Every weight as float32: 6 + 4n bytes.</summary>
    Float32 = 1,

    /// <summary>Every weight as int8 at one scale: 10 + n bytes.</summary>
    Int8 = 2,

    /// <summary>k weights as uint32 index and float32 value: 10 + 8k bytes.</summary>
    TopKFloat32 = 3,

    /// <summary>k weights as uint32 index and int8 value at one scale: 14 + 5k bytes.</summary>
    TopKInt8 = 4,
}

/// <summary>
/// The wire form of one site's update without secure aggregation (with it, the masked field vector is the wire form).
/// Little-endian, version 1:
/// <code>
/// byte    version = 1
/// byte    format (UpdateFormat)
/// uint32  n, the model's weights
/// float32 scale               (Int8, TopKInt8: finite, positive, 127·scale finite)
/// uint32  k, the kept weights (TopKFloat32, TopKInt8: k ≤ n)
/// payload Float32: n float32 | Int8: n int8 | TopK*: k uint32 indices, strictly ascending and under n, then k values
/// </code>
/// Values are finite, int8 values within ±127. One update has exactly one encoding, so a repeat of the same update is the
/// same bytes (the Api's idempotency compares bytes). <see cref="Decode"/> is written for untrusted bytes.
/// </summary>
public static partial class UpdateEncoding
{
    public const byte Version = 1;
    private const int HeaderBytes = 6;

    /// <summary>The exact size of an encoding of <paramref name="length"/> weights, <paramref name="kept"/> of them kept for top-k.</summary>
    public static long SizeOf(UpdateFormat format, int length, int kept = 0) => format switch
    {
        UpdateFormat.Float32 => HeaderBytes + (4L * length),
        UpdateFormat.Int8 => HeaderBytes + 4 + (long)length,
        UpdateFormat.TopKFloat32 => HeaderBytes + 4 + (8L * kept),
        UpdateFormat.TopKInt8 => HeaderBytes + 8 + (5L * kept),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a known update format."),
    };

    public static byte[] Encode(ReadOnlySpan<float> update)
    {
        var bytes = Start(UpdateFormat.Float32, update.Length, update.Length, out var at);
        WriteFloats(bytes.AsSpan(at), update);
        return bytes;
    }

    public static byte[] Encode(QuantizedUpdate update)
    {
        var bytes = Start(UpdateFormat.Int8, update.Values.Length, 0, out var at);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at - 4), CheckScale(update.Scale));
        WriteInt8(bytes.AsSpan(at), update.Values);
        return bytes;
    }

    public static byte[] Encode(SparseUpdate update)
    {
        var bytes = Start(UpdateFormat.TopKFloat32, update.Length, CheckSparse(update.Length, update.Indices, update.Values.Length), out var at);
        WriteIndices(bytes.AsSpan(at), update.Indices);
        WriteFloats(bytes.AsSpan(at + (4 * update.Indices.Length)), update.Values);
        return bytes;
    }

    public static byte[] Encode(QuantizedSparseUpdate update)
    {
        var bytes = Start(UpdateFormat.TopKInt8, update.Length, CheckSparse(update.Length, update.Indices, update.Values.Length), out var at);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at - 8), CheckScale(update.Scale));
        WriteIndices(bytes.AsSpan(at), update.Indices);
        WriteInt8(bytes.AsSpan(at + (4 * update.Indices.Length)), update.Values);
        return bytes;
    }

    private static byte[] Start(UpdateFormat format, int length, int kept, out int payload)
    {
        var bytes = new byte[checked((int)SizeOf(format, length, kept))];
        (bytes[0], bytes[1]) = (Version, (byte)format);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(2), (uint)length);
        payload = (int)SizeOf(format, 0); // the header: the fields before the payload
        if (format is UpdateFormat.TopKFloat32 or UpdateFormat.TopKInt8)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(payload - 4), (uint)kept);
        }

        return bytes;
    }

    private static void WriteFloats(Span<byte> destination, ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination[(i * 4)..], float.IsFinite(values[i]) ? values[i] : throw new ArgumentException($"Weight {i} is {values[i]}; an update holds finite numbers only.", nameof(values)));
        }
    }

    private static void WriteInt8(Span<byte> destination, ReadOnlySpan<sbyte> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            destination[i] = values[i] != sbyte.MinValue ? unchecked((byte)values[i]) : throw new ArgumentException($"Value {i} is −128; int8 updates stay within ±127.", nameof(values));
        }
    }

    private static void WriteIndices(Span<byte> destination, int[] indices)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(i * 4)..], (uint)indices[i]);
        }
    }

    private static int CheckSparse(int length, int[] indices, int values)
    {
        if (indices.Length != values || length < 0)
        {
            throw new ArgumentException($"A sparse update has one value per index ({indices.Length} indices, {values} values).", nameof(indices));
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= length || (i > 0 && indices[i] <= indices[i - 1]))
            {
                throw new ArgumentException($"Index {indices[i]} (position {i}) is out of 0..{length - 1} or not above the one before; indices are strictly ascending.", nameof(indices));
            }
        }

        return indices.Length;
    }

    private static float CheckScale(float scale) =>
        float.IsFinite(scale) && scale > 0 && float.IsFinite(scale * 127)
            ? scale
            : throw new ArgumentOutOfRangeException(nameof(scale), scale, "An int8 scale is positive and finite, and so is 127 × it.");
}
