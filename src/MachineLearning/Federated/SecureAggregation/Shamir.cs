using System.Numerics;
using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>One site's share of a secret: the point x and, per 15-byte chunk of the secret, the polynomial's value there.</summary>
public sealed record SecretShare(int X, BigInteger[] Y);

/// <summary>
/// Shamir's secret sharing over GF(2^127 − 1): a secret of any length in 15-byte chunks, each the constant of a random
/// polynomial of degree t − 1; any t shares give it back (Lagrange at 0), fewer say nothing about it.
/// </summary>
public static class Shamir
{
    private const int ChunkBytes = 15;
    private static readonly BigInteger Prime = BigInteger.Pow(2, 127) - 1;

    public static IReadOnlyList<SecretShare> Split(ReadOnlySpan<byte> secret, int shares, int threshold)
    {
        if (threshold < 1 || threshold > shares)
        {
            throw new ArgumentException($"The threshold must be between 1 and the {shares} shares.", nameof(threshold));
        }

        var chunks = (secret.Length + ChunkBytes - 1) / ChunkBytes;
        var ys = Enumerable.Range(0, shares).Select(_ => new BigInteger[chunks]).ToArray();
        for (var c = 0; c < chunks; c++)
        {
            var piece = secret.Slice(c * ChunkBytes, Math.Min(ChunkBytes, secret.Length - (c * ChunkBytes)));
            var coefficients = new BigInteger[threshold];
            coefficients[0] = new BigInteger(piece, isUnsigned: true);
            for (var k = 1; k < threshold; k++)
            {
                coefficients[k] = new BigInteger(RandomNumberGenerator.GetBytes(16), isUnsigned: true) % Prime;
            }

            for (var s = 0; s < shares; s++)
            {
                BigInteger x = s + 1, value = BigInteger.Zero;
                for (var k = threshold - 1; k >= 0; k--)
                {
                    value = ((value * x) + coefficients[k]) % Prime;
                }

                ys[s][c] = value;
            }
        }

        return [.. ys.Select((y, s) => new SecretShare(s + 1, y))];
    }

    /// <summary>The secret of <paramref name="length"/> bytes from at least the threshold's number of distinct shares.</summary>
    public static byte[] Combine(IReadOnlyList<SecretShare> shares, int length)
    {
        if (shares.Select(s => s.X).Distinct().Count() != shares.Count || shares.Count == 0)
        {
            throw new ArgumentException("The shares must come from distinct sites.", nameof(shares));
        }

        var secret = new byte[length];
        var chunks = (length + ChunkBytes - 1) / ChunkBytes;
        for (var c = 0; c < chunks; c++)
        {
            var value = BigInteger.Zero;
            foreach (var share in shares)
            {
                BigInteger numerator = 1, denominator = 1;
                foreach (var other in shares.Where(o => o.X != share.X))
                {
                    numerator = numerator * (Prime - other.X) % Prime;
                    denominator = denominator * (((share.X - other.X) % Prime) + Prime) % Prime;
                }

                value = (value + (share.Y[c] * numerator % Prime * BigInteger.ModPow(denominator, Prime - 2, Prime))) % Prime;
            }

            var size = Math.Min(ChunkBytes, length - (c * ChunkBytes));
            var bytes = value.ToByteArray(isUnsigned: true);
            if (bytes.Length > size)
            {
                throw new CryptographicException("The shares do not give back a secret of this length: too few, or not of one secret.");
            }

            bytes.CopyTo(secret, c * ChunkBytes);
        }

        return secret;
    }
}
