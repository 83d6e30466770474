namespace Platform.MachineLearning.Federated.SecureAggregation;

// The messages of a round of secure aggregation, in the order of its phases. Each is a plain record of numbers and byte
// arrays (System.Text.Json writes those as base64), which the Api stores and forwards without reading. Bytes is each
// one's size in a compact binary form — 4 bytes an int, 1 a kind, the byte arrays as they are — for the benchmark's
// bytes per round; as JSON, base64 adds a third to the arrays, plus the names. Below, n₀ is the number of sites that
// advertised keys and n₁ the number that shared them; no message but the masked update grows with the model.

/// <summary>
/// Phase 0, a site to all: its two P-256 public keys for the round, uncompressed points of 65 bytes — c for encrypting
/// the shares it is sent, s for the pairwise masks (separate, so that a dropped site's s rebuilt by the server decrypts
/// nothing) — and SHA-256 of its self-mask seed, which lets the server check the seed it rebuilds. 166 bytes.
/// </summary>
public sealed record SiteKeys(int Site, byte[] CipherKey, byte[] MaskKey, byte[] SelfSeedHash)
{
    public int Bytes => 4 + CipherKey.Length + MaskKey.Length + SelfSeedHash.Length;
}

/// <summary>
/// One site's Shamir shares for another, encrypted for it: AES-256-GCM under HKDF(ECDH of their c keys, the round, the
/// pair), the sender, recipient and round bound as associated data. The plaintext is the share of the sender's s private
/// scalar and the share of its self-mask seed, 48 bytes each; with the tag, 112 bytes. 120 bytes in all.
/// </summary>
public sealed record EncryptedShare(int From, int To, byte[] Ciphertext)
{
    public int Bytes => 8 + Ciphertext.Length;
}

/// <summary>Phase 1, a site to the server: one <see cref="EncryptedShare"/> for each other site that advertised keys. 4 + 120 (n₀ − 1) bytes.</summary>
public sealed record SiteShares(int Site, IReadOnlyList<EncryptedShare> Shares)
{
    public int Bytes => 4 + Shares.Sum(s => s.Bytes);
}

/// <summary>Phase 2, a site to the server: its encoded update plus its self mask and its pairwise masks, in the round's field. 4 + 2 or 4 bytes a weight.</summary>
public sealed record MaskedUpdate(int Site, byte[] Masked)
{
    public int Bytes => 4 + Masked.Length;
}

/// <summary>Which of a site's two secrets a revealed share is of.</summary>
public enum ShareKind : byte
{
    /// <summary>The self-mask seed b of a site whose masked update came: the server removes its self mask.</summary>
    SelfSeed = 1,

    /// <summary>The s private scalar of a site whose masked update did not come: the server removes its pairs' masks.</summary>
    MaskKey = 2,
}

/// <summary>A share a site reveals in phase 3, of <see cref="Owner"/>'s secret of <see cref="Kind"/>. 53 bytes.</summary>
public sealed record RevealedShare(int Owner, ShareKind Kind, byte[] Share)
{
    public int Bytes => 5 + Share.Length;
}

/// <summary>Phase 3, a surviving site to the server: a share for every site it masked with, of one kind each. 4 + 53 n₁ bytes.</summary>
public sealed record UnmaskingShares(int Site, IReadOnlyList<RevealedShare> Shares)
{
    public int Bytes => 4 + Shares.Sum(s => s.Bytes);
}
