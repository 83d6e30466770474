using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// How one site's shares for another travel through the server unread: AES-256-GCM under a key only the two can derive,
/// HKDF-SHA256(ECDH(c_u, c_v), salt = the round's id, info = the pair, smaller site first). Both directions use the one
/// key, so the 12-byte nonce is the direction (sender ‖ recipient ‖ 0, little-endian) and each (key, nonce) seals exactly
/// one message: a site's <see cref="SecureAggregationSite.ShareKeys"/> seals once and answers repeats from what it kept.
/// The associated data binds the round, sender and recipient, so a ciphertext replayed into another round or slot fails.
/// </summary>
internal static class ShareEncryption
{
    /// <summary>A share of a 32-byte secret: <see cref="SecretShare.BytesFor"/>(32), three 15-byte chunks of 16 bytes each.</summary>
    public const int ShareBytes = 48;
    public const int PlaintextBytes = 2 * ShareBytes;
    public const int CiphertextBytes = PlaintextBytes + TagBytes;
    private const int TagBytes = 16;

    public static byte[] Seal(ECDiffieHellman mine, ECDiffieHellmanPublicKey theirs, Guid round, int from, int to, ReadOnlySpan<byte> plaintext)
    {
        using var aes = new AesGcm(Key(mine, theirs, round, from, to), TagBytes);
        var sealedBytes = new byte[plaintext.Length + TagBytes];
        aes.Encrypt(Nonce(from, to), plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), AssociatedData(round, from, to));
        return sealedBytes;
    }

    /// <summary>The plaintext, or null when the ciphertext does not authenticate (altered, or not from <paramref name="from"/> to <paramref name="to"/> in this round).</summary>
    public static byte[]? Open(ECDiffieHellman mine, ECDiffieHellmanPublicKey theirs, Guid round, int from, int to, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length != CiphertextBytes)
        {
            return null;
        }

        using var aes = new AesGcm(Key(mine, theirs, round, from, to), TagBytes);
        var plaintext = new byte[PlaintextBytes];
        try
        {
            aes.Decrypt(Nonce(from, to), ciphertext[..PlaintextBytes], ciphertext[PlaintextBytes..], plaintext, AssociatedData(round, from, to));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Key(ECDiffieHellman mine, ECDiffieHellmanPublicKey theirs, Guid round, int from, int to)
    {
        var secret = mine.DeriveRawSecretAgreement(theirs);
        var info = Encoding.UTF8.GetBytes($"platform-secagg-share|{Math.Min(from, to)}|{Math.Max(from, to)}");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, round.ToByteArray(), info);
    }

    private static byte[] Nonce(int from, int to)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(nonce, from);
        BinaryPrimitives.WriteInt32LittleEndian(nonce.AsSpan(4), to);
        return nonce;
    }

    private static byte[] AssociatedData(Guid round, int from, int to)
    {
        var data = new byte[24 + 16 + 8];
        Encoding.ASCII.GetBytes("platform-secagg-share-v1").CopyTo(data, 0);
        round.TryWriteBytes(data.AsSpan(24));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(40), from);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(44), to);
        return data;
    }
}
