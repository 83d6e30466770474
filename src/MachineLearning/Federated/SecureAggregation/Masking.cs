namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// Secure aggregation's masks (Bonawitz et al. 2017; docs/decisions/ADR-009). A site sends
/// <c>y = x + PRG(b) + Σ_j ±PRG(s_ij)</c>: its encoded update, its own mask, and one mask per peer that the peer's
/// vector cancels. The server sums what it received; then, from the survivors' shares, it removes the survivors' own
/// masks and, for each site that dropped after masking, the survivors' halves of the pairs that no longer cancel. What
/// is left is the sum of the survivors' updates; no single update is ever in the clear on the server.
/// The overloads on bytes work in either <see cref="FieldWidth"/> on little-endian vectors; those on uint in Z/2^32.
/// </summary>
public static class Masking
{
    public static uint[] Mask(ReadOnlySpan<uint> encoded, int me, ReadOnlySpan<byte> selfSeed, IReadOnlyDictionary<int, byte[]> pairSeeds)
    {
        var masked = encoded.ToArray();
        FixedPoint.Add(masked, MaskStream.Expand(selfSeed, masked.Length));
        foreach (var (peer, seed) in pairSeeds)
        {
            FixedPoint.Add(masked, MaskStream.Expand(seed, masked.Length), PairwiseSeeds.Sign(me, peer));
        }

        return masked;
    }

    /// <summary>Takes a survivor's own mask out of the round's sum (its seed rebuilt from its peers' shares).</summary>
    public static void RemoveSelfMask(Span<uint> sum, ReadOnlySpan<byte> selfSeed) =>
        FixedPoint.Add(sum, MaskStream.Expand(selfSeed, sum.Length), -1);

    /// <summary>Takes out the half of a pair that no longer cancels: <paramref name="survivor"/>'s mask with <paramref name="dropped"/>, whose vector never came.</summary>
    public static void RemoveDroppedPair(Span<uint> sum, int survivor, int dropped, ReadOnlySpan<byte> pairSeed) =>
        FixedPoint.Add(sum, MaskStream.Expand(pairSeed, sum.Length), -PairwiseSeeds.Sign(survivor, dropped));

    /// <summary><see cref="Mask(ReadOnlySpan{uint}, int, ReadOnlySpan{byte}, IReadOnlyDictionary{int, byte[]})"/> on a little-endian vector of <paramref name="width"/>.</summary>
    public static byte[] Mask(ReadOnlySpan<byte> encoded, FieldWidth width, int me, ReadOnlySpan<byte> selfSeed, IReadOnlyDictionary<int, byte[]> pairSeeds)
    {
        var masked = encoded.ToArray();
        MaskStream.Apply(selfSeed, masked, width, 1);
        foreach (var (peer, seed) in pairSeeds)
        {
            MaskStream.Apply(seed, masked, width, PairwiseSeeds.Sign(me, peer));
        }

        return masked;
    }

    /// <summary><see cref="RemoveSelfMask(Span{uint}, ReadOnlySpan{byte})"/> on a little-endian vector of <paramref name="width"/>.</summary>
    public static void RemoveSelfMask(Span<byte> sum, FieldWidth width, ReadOnlySpan<byte> selfSeed) =>
        MaskStream.Apply(selfSeed, sum, width, -1);

    /// <summary><see cref="RemoveDroppedPair(Span{uint}, int, int, ReadOnlySpan{byte})"/> on a little-endian vector of <paramref name="width"/>.</summary>
    public static void RemoveDroppedPair(Span<byte> sum, FieldWidth width, int survivor, int dropped, ReadOnlySpan<byte> pairSeed) =>
        MaskStream.Apply(pairSeed, sum, width, -PairwiseSeeds.Sign(survivor, dropped));
}
