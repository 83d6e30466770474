using System.Buffers.Binary;

namespace Platform.MachineLearning.Federated.Compression;

/// <summary>Reading an update back, from bytes that a site sent and nobody has checked.</summary>
public static partial class UpdateEncoding
{
    /// <summary>
    /// The dense update in <paramref name="bytes"/>, which must be an update of <paramref name="expectedLength"/> weights.
    /// Every field is checked before it is used, and nothing is allocated until the bytes' size has been found to be
    /// exactly what the header says (so at most <paramref name="expectedLength"/> floats, whatever the bytes claim).
    /// </summary>
    /// <exception cref="InvalidUpdateException">The bytes are not such an update; the message says why.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedLength"/> is negative (the caller's error, not the sender's).</exception>
    public static float[] Decode(ReadOnlySpan<byte> bytes, int expectedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
        if (bytes.Length < HeaderBytes)
        {
            throw new InvalidUpdateException($"The update is truncated: {bytes.Length} bytes, under the {HeaderBytes}-byte header.");
        }

        if (bytes[0] != Version)
        {
            throw new InvalidUpdateException($"The update's encoding version is {bytes[0]}; this server reads version {Version}.");
        }

        var format = (UpdateFormat)bytes[1];
        if (!Enum.IsDefined(format))
        {
            throw new InvalidUpdateException($"The update's format {bytes[1]} is not one of 1 (float32), 2 (int8), 3 (top-k float32), 4 (top-k int8).");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[2..]);
        if (length != expectedLength)
        {
            throw new InvalidUpdateException($"The update has {length} weights; the model has {expectedLength}.");
        }

        var header = (int)SizeOf(format, 0);
        if (bytes.Length < header)
        {
            throw new InvalidUpdateException($"The update is truncated: {bytes.Length} bytes, under the {header}-byte header of its format {format}.");
        }

        var kept = format is UpdateFormat.TopKFloat32 or UpdateFormat.TopKInt8 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[(header - 4)..]) : length;
        if (kept > length)
        {
            throw new InvalidUpdateException($"The update keeps {kept} weights of {length}.");
        }

        var size = SizeOf(format, expectedLength, (int)kept);
        if (bytes.Length != size)
        {
            throw new InvalidUpdateException(bytes.Length < size
                ? $"The update is truncated: {bytes.Length} bytes where its header says {size}."
                : $"The update has {bytes.Length - size} bytes after its end ({size} bytes).");
        }

        var scale = format is UpdateFormat.Int8 or UpdateFormat.TopKInt8 ? ReadScale(bytes[HeaderBytes..]) : 1f;
        var payload = bytes[header..];
        return format switch
        {
            UpdateFormat.Float32 => ReadDense(payload, expectedLength),
            UpdateFormat.Int8 => ReadDense(payload, expectedLength, scale),
            _ => ReadSparse(payload, expectedLength, (int)kept, format == UpdateFormat.TopKInt8 ? scale : null),
        };
    }

    private static float ReadScale(ReadOnlySpan<byte> bytes)
    {
        var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes);
        return float.IsFinite(scale) && scale > 0 && float.IsFinite(scale * 127)
            ? scale
            : throw new InvalidUpdateException($"The update's int8 scale is {scale}; it must be positive and finite, and so must 127 × it.");
    }

    private static float[] ReadDense(ReadOnlySpan<byte> payload, int length)
    {
        var dense = new float[length];
        for (var i = 0; i < length; i++)
        {
            dense[i] = ReadFinite(payload[(i * 4)..], i);
        }

        return dense;
    }

    private static float[] ReadDense(ReadOnlySpan<byte> payload, int length, float scale)
    {
        var dense = new float[length];
        for (var i = 0; i < length; i++)
        {
            dense[i] = ReadInt8(payload[i], i) * scale;
        }

        return dense;
    }

    private static float[] ReadSparse(ReadOnlySpan<byte> payload, int length, int kept, float? scale)
    {
        var dense = new float[length];
        var previous = -1L;
        for (var i = 0; i < kept; i++)
        {
            var index = BinaryPrimitives.ReadUInt32LittleEndian(payload[(i * 4)..]);
            if (index >= length)
            {
                throw new InvalidUpdateException($"Kept weight {i} has index {index}; the model's indices run from 0 to {length - 1}.");
            }

            if (index <= previous)
            {
                throw new InvalidUpdateException(index == previous
                    ? $"Index {index} is repeated (kept weights {i - 1} and {i})."
                    : $"Index {index} (kept weight {i}) comes after {previous}; indices are strictly ascending.");
            }

            var values = payload[(4 * kept)..];
            dense[index] = scale is { } s ? ReadInt8(values[i], (int)index) * s : ReadFinite(values[(i * 4)..], (int)index);
            previous = index;
        }

        return dense;
    }

    private static float ReadFinite(ReadOnlySpan<byte> bytes, int weight)
    {
        var value = BinaryPrimitives.ReadSingleLittleEndian(bytes);
        return float.IsFinite(value) ? value : throw new InvalidUpdateException($"Weight {weight} is {value}; an update holds finite numbers only.");
    }

    private static sbyte ReadInt8(byte value, int weight) =>
        value != 0x80 ? unchecked((sbyte)value) : throw new InvalidUpdateException($"Weight {weight} is the int8 value −128; int8 updates stay within ±127.");
}
