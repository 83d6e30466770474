using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// A round's P-256 keys on the wire: a public key is the uncompressed SEC1 point, 0x04 ‖ X ‖ Y (65 bytes); a private
/// scalar is its 32 big-endian bytes. Importing checks the point is on the curve and, with a scalar, that the two match
/// (OpenSSL does both), so a bad key from a peer or a wrongly rebuilt scalar is refused here, not used.
/// </summary>
internal static class P256Keys
{
    public const int PublicKeyBytes = 65;
    public const int PrivateKeyBytes = 32;

    public static ECDiffieHellman Create() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public static byte[] ExportPublic(ECDiffieHellman key)
    {
        var q = key.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    public static byte[] ExportPrivate(ECDiffieHellman key)
    {
        var d = key.ExportParameters(true).D!;
        return d.Length == PrivateKeyBytes ? d : throw new CryptographicException($"A P-256 private scalar is {PrivateKeyBytes} bytes, not {d.Length}.");
    }

    /// <summary>The public key in <paramref name="point"/>, with <paramref name="privateKey"/> when given; null when the bytes are no such key.</summary>
    public static ECDiffieHellman? Import(ReadOnlySpan<byte> point, byte[]? privateKey = null)
    {
        if (point.Length != PublicKeyBytes || point[0] != 0x04)
        {
            return null;
        }

        try
        {
            return ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33].ToArray(), Y = point[33..].ToArray() },
                D = privateKey,
            });
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
