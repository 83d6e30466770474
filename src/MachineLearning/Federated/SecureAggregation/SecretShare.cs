using System.Numerics;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>One site's share of a secret: the point x and, per 15-byte chunk of the secret, the polynomial's value there.</summary>
public sealed record SecretShare(int X, BigInteger[] Y)
{
    /// <summary>One value of GF(2^127 − 1) on the wire: 16 bytes, little-endian.</summary>
    public const int ElementBytes = 16;

    /// <summary>The bytes of a share of a secret of <paramref name="secretLength"/> bytes: 48 for a 32-byte seed or key.</summary>
    public static int BytesFor(int secretLength) => Shamir.ChunksFor(secretLength) * ElementBytes;

    /// <summary>The values, 16 little-endian bytes each (x travels beside them: it is the holder's site number + 1).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Y.Length * ElementBytes];
        for (var c = 0; c < Y.Length; c++)
        {
            Y[c].TryWriteBytes(bytes.AsSpan(c * ElementBytes, ElementBytes), out _, isUnsigned: true);
        }

        return bytes;
    }

    /// <summary>The share at <paramref name="x"/> of a secret of <paramref name="secretLength"/> bytes; null where the bytes are not one (size, or a value outside the field).</summary>
    public static SecretShare? FromBytes(int x, ReadOnlySpan<byte> bytes, int secretLength)
    {
        if (bytes.Length != BytesFor(secretLength))
        {
            return null;
        }

        var y = new BigInteger[bytes.Length / ElementBytes];
        for (var c = 0; c < y.Length; c++)
        {
            y[c] = new BigInteger(bytes.Slice(c * ElementBytes, ElementBytes), isUnsigned: true);
            if (y[c] >= Shamir.Prime)
            {
                return null;
            }
        }

        return new SecretShare(x, y);
    }
}
