using System.Security.Cryptography;
using System.Text;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// The seed two sites share for a round without telling anyone: ECDH (P-256) between one's round key and the other's
/// public key, through HKDF-SHA256 bound to the round and to the pair (the smaller site number first), so both derive
/// the same seed and no other round or pair can reuse it.
/// </summary>
public static class PairwiseSeeds
{
    public static byte[] Derive(ECDiffieHellman mine, ECDiffieHellmanPublicKey theirs, Guid round, int me, int them)
    {
        var secret = mine.DeriveRawSecretAgreement(theirs);
        var info = Encoding.UTF8.GetBytes($"platform-secagg-pair|{Math.Min(me, them)}|{Math.Max(me, them)}");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, MaskStream.SeedLength, round.ToByteArray(), info);
    }

    /// <summary>How a site's pairwise mask with <paramref name="them"/> enters its own vector: added by the smaller number, subtracted by the larger, so the pair cancels in the sum.</summary>
    public static int Sign(int me, int them) => me < them ? 1 : -1;
}
