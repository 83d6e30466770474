using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// Addition and subtraction of vectors in Z/2^w, element by element, wrapping. This is the server's whole aggregation
/// loop (a running sum of masked vectors), so it runs on <see cref="Vector{T}"/> over the little-endian bytes as they
/// came, without copying them into numbers first.
/// </summary>
public static class FieldVector
{
    /// <summary>Adds <paramref name="values"/> into <paramref name="sum"/> (mod 2^w), both little-endian vectors of one length.</summary>
    public static void Add(Span<byte> sum, ReadOnlySpan<byte> values, FieldWidth width) => Combine(sum, values, width, subtract: false);

    /// <summary>Subtracts <paramref name="values"/> from <paramref name="sum"/> (mod 2^w).</summary>
    public static void Subtract(Span<byte> sum, ReadOnlySpan<byte> values, FieldWidth width) => Combine(sum, values, width, subtract: true);

    /// <summary>Adds (<paramref name="sign"/> ≥ 0) or subtracts (<paramref name="sign"/> &lt; 0).</summary>
    public static void Add(Span<byte> sum, ReadOnlySpan<byte> values, FieldWidth width, int sign) => Combine(sum, values, width, subtract: sign < 0);

    private static void Combine(Span<byte> sum, ReadOnlySpan<byte> values, FieldWidth width, bool subtract)
    {
        if (sum.Length != values.Length || sum.Length % width.BytesPerElement() != 0)
        {
            throw new ArgumentException($"Both vectors must have the same length, a whole number of {width.BytesPerElement()}-byte elements ({sum.Length} and {values.Length} bytes).", nameof(values));
        }

        if (!BitConverter.IsLittleEndian)
        {
            CombineBigEndianHost(sum, values, width, subtract);
        }
        else if (width == FieldWidth.Bits16)
        {
            Numbers(MemoryMarshal.Cast<byte, ushort>(sum), MemoryMarshal.Cast<byte, ushort>(values), subtract);
        }
        else
        {
            Numbers(MemoryMarshal.Cast<byte, uint>(sum), MemoryMarshal.Cast<byte, uint>(values), subtract);
        }
    }

    /// <summary>The same on vectors held as numbers in the host's order (<see cref="FixedPoint"/>'s uint arrays).</summary>
    internal static void Numbers<T>(Span<T> sum, ReadOnlySpan<T> values, bool subtract)
        where T : unmanaged, IBinaryInteger<T>
    {
        ref var s = ref MemoryMarshal.GetReference(sum);
        ref var v = ref MemoryMarshal.GetReference(values);
        nuint i = 0, length = (nuint)sum.Length;
        if (Vector.IsHardwareAccelerated && length >= (nuint)Vector<T>.Count)
        {
            var last = length - (nuint)Vector<T>.Count;
            for (; i <= last; i += (nuint)Vector<T>.Count)
            {
                var a = Vector.LoadUnsafe(ref s, i);
                var b = Vector.LoadUnsafe(ref v, i);
                (subtract ? a - b : a + b).StoreUnsafe(ref s, i);
            }
        }

        for (; i < length; i++)
        {
            ref var target = ref Unsafe.Add(ref s, i);
            target = subtract ? target - Unsafe.Add(ref v, i) : target + Unsafe.Add(ref v, i);
        }
    }

    private static void CombineBigEndianHost(Span<byte> sum, ReadOnlySpan<byte> values, FieldWidth width, bool subtract)
    {
        var size = width.BytesPerElement();
        for (var at = 0; at < sum.Length; at += size)
        {
            if (size == 2)
            {
                var (a, b) = (BinaryPrimitives.ReadUInt16LittleEndian(sum[at..]), BinaryPrimitives.ReadUInt16LittleEndian(values[at..]));
                BinaryPrimitives.WriteUInt16LittleEndian(sum[at..], unchecked((ushort)(subtract ? a - b : a + b)));
            }
            else
            {
                var (a, b) = (BinaryPrimitives.ReadUInt32LittleEndian(sum[at..]), BinaryPrimitives.ReadUInt32LittleEndian(values[at..]));
                BinaryPrimitives.WriteUInt32LittleEndian(sum[at..], unchecked(subtract ? a - b : a + b));
            }
        }
    }
}
