using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>A seed expanded into as many uint32 masks as the model has weights: AES-256 in counter mode, the seed its key.</summary>
public static class MaskStream
{
    public const int SeedLength = 32;

    public static uint[] Expand(ReadOnlySpan<byte> seed, int length)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"A mask seed is {SeedLength} bytes.", nameof(seed));
        }

        using var aes = Aes.Create();
        aes.Key = seed.ToArray();
        var blocks = (length + 3) / 4;
        var counters = new byte[blocks * 16];
        for (var b = 0; b < blocks; b++)
        {
            BinaryPrimitives.WriteInt64BigEndian(counters.AsSpan((b * 16) + 8), b);
        }

        var stream = aes.EncryptEcb(counters, PaddingMode.None);
        var masks = new uint[length];
        for (var i = 0; i < length; i++)
        {
            masks[i] = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(i * 4));
        }

        return masks;
    }
}
