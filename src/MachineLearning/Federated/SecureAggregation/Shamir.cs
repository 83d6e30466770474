using System.Numerics;
using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// Shamir's secret sharing over GF(2^127 − 1): a secret of any length in 15-byte chunks, each the constant of a random
/// polynomial of degree t − 1; any t shares give it back (Lagrange at 0), fewer say nothing about it.
/// </summary>
public static class Shamir
{
    internal const int ChunkBytes = 15;
    internal static readonly BigInteger Prime = BigInteger.Pow(2, 127) - 1;

    /// <summary>Shares at x = 1 … <paramref name="shares"/>.</summary>
    public static IReadOnlyList<SecretShare> Split(ReadOnlySpan<byte> secret, int shares, int threshold) =>
        Split(secret, [.. Enumerable.Range(1, Math.Max(shares, 0))], threshold);

    /// <summary>Shares at the given points (distinct, from 1): a round's sites share among those present, at x = site + 1.</summary>
    public static IReadOnlyList<SecretShare> Split(ReadOnlySpan<byte> secret, IReadOnlyList<int> points, int threshold)
    {
        if (threshold < 1 || threshold > points.Count)
        {
            throw new ArgumentException($"The threshold must be between 1 and the {points.Count} shares.", nameof(threshold));
        }

        if (points.Any(x => x < 1) || points.Distinct().Count() != points.Count)
        {
            throw new ArgumentException("The points must be distinct and at least 1 (0 is where the secret is).", nameof(points));
        }

        var chunks = ChunksFor(secret.Length);
        var ys = points.Select(_ => new BigInteger[chunks]).ToArray();
        var coefficients = new BigInteger[threshold];
        for (var c = 0; c < chunks; c++)
        {
            coefficients[0] = new BigInteger(secret.Slice(c * ChunkBytes, Math.Min(ChunkBytes, secret.Length - (c * ChunkBytes))), isUnsigned: true);
            for (var k = 1; k < threshold; k++)
            {
                coefficients[k] = new BigInteger(RandomNumberGenerator.GetBytes(16), isUnsigned: true) % Prime;
            }

            for (var s = 0; s < points.Count; s++)
            {
                BigInteger x = points[s], value = BigInteger.Zero;
                for (var k = threshold - 1; k >= 0; k--)
                {
                    value = ((value * x) + coefficients[k]) % Prime;
                }

                ys[s][c] = value;
            }
        }

        return [.. ys.Select((y, s) => new SecretShare(points[s], y))];
    }

    /// <summary>The secret of <paramref name="length"/> bytes from at least the threshold's number of distinct shares.</summary>
    public static byte[] Combine(IReadOnlyList<SecretShare> shares, int length)
    {
        if (shares.Select(s => s.X).Distinct().Count() != shares.Count || shares.Count == 0)
        {
            throw new ArgumentException("The shares must come from distinct sites.", nameof(shares));
        }

        var chunks = ChunksFor(length);
        if (shares.Any(s => s.Y.Length != chunks))
        {
            throw new ArgumentException($"Every share of a {length}-byte secret has {chunks} values.", nameof(shares));
        }

        // The Lagrange coefficients at 0 depend only on the points, so they are worked out once for every chunk.
        var lagrange = shares.Select(share =>
        {
            BigInteger numerator = 1, denominator = 1;
            foreach (var other in shares.Where(o => o.X != share.X))
            {
                numerator = numerator * (Prime - other.X) % Prime;
                denominator = denominator * (((share.X - other.X) % Prime) + Prime) % Prime;
            }

            return numerator * BigInteger.ModPow(denominator, Prime - 2, Prime) % Prime;
        }).ToArray();

        var secret = new byte[length];
        for (var c = 0; c < chunks; c++)
        {
            var value = BigInteger.Zero;
            for (var s = 0; s < shares.Count; s++)
            {
                value = (value + (shares[s].Y[c] * lagrange[s])) % Prime;
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

    internal static int ChunksFor(int length) => (length + ChunkBytes - 1) / ChunkBytes;
}
