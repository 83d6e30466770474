using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// A seed expanded into as many masks as the model has weights: AES-256 in counter mode, the seed its key, block b the
/// encryption of the 128-bit big-endian counter b. The keystream is read as little-endian elements of the field's width,
/// so a 32-bit mask is the same four bytes whichever width asks. Expansion runs in chunks through one ECB call each (the
/// platform's AES-NI path) and is added straight into the vector, so no mask the size of the model is ever allocated.
/// </summary>
public static class MaskStream
{
    public const int SeedLength = 32;
    private const int BlockBytes = 16;
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The masks as uint32 numbers (the 32-bit field held as numbers, as <see cref="FixedPoint"/> does).</summary>
    public static uint[] Expand(ReadOnlySpan<byte> seed, int length)
    {
        var masks = new uint[length];
        Fill(seed, MemoryMarshal.AsBytes(masks.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(masks, masks);
        }

        return masks;
    }

    /// <summary>Writes the keystream's first <c>keystream.Length</c> bytes.</summary>
    public static void Fill(ReadOnlySpan<byte> seed, Span<byte> keystream)
    {
        using var aes = CreateCipher(seed);
        var counters = new byte[ChunkBytes];
        var block = 0L;
        for (var at = 0; at < keystream.Length; at += ChunkBytes)
        {
            var size = Math.Min(ChunkBytes, keystream.Length - at);
            var whole = (size + BlockBytes - 1) / BlockBytes * BlockBytes;
            block = WriteCounters(counters.AsSpan(0, whole), block);
            if (whole == size)
            {
                aes.EncryptEcb(counters.AsSpan(0, whole), keystream.Slice(at, size), PaddingMode.None);
            }
            else
            {
                aes.EncryptEcb(counters.AsSpan(0, whole), PaddingMode.None).AsSpan(0, size).CopyTo(keystream[at..]);
            }
        }
    }

    /// <summary>Adds (<paramref name="sign"/> ≥ 0) or subtracts the seed's masks into <paramref name="vector"/>, a little-endian vector of the field.</summary>
    public static void Apply(ReadOnlySpan<byte> seed, Span<byte> vector, FieldWidth width, int sign)
    {
        using var aes = CreateCipher(seed);
        var (counters, stream) = (new byte[ChunkBytes], new byte[ChunkBytes]);
        var block = 0L;
        for (var at = 0; at < vector.Length; at += ChunkBytes)
        {
            var size = Math.Min(ChunkBytes, vector.Length - at);
            var whole = (size + BlockBytes - 1) / BlockBytes * BlockBytes;
            block = WriteCounters(counters.AsSpan(0, whole), block);
            aes.EncryptEcb(counters.AsSpan(0, whole), stream.AsSpan(0, whole), PaddingMode.None);
            FieldVector.Add(vector.Slice(at, size), stream.AsSpan(0, size), width, sign);
        }
    }

    private static Aes CreateCipher(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"A mask seed is {SeedLength} bytes.", nameof(seed));
        }

        var aes = Aes.Create();
        aes.Key = seed.ToArray();
        return aes;
    }

    private static long WriteCounters(Span<byte> counters, long first)
    {
        var block = first;
        for (var at = 0; at < counters.Length; at += BlockBytes, block++)
        {
            BinaryPrimitives.WriteInt64BigEndian(counters[at..], 0);
            BinaryPrimitives.WriteInt64BigEndian(counters[(at + 8)..], block);
        }

        return block;
    }
}
