namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// The server's side of secure aggregation, as functions over what it stored (docs/decisions/ADR-009): it checks and
/// forwards the sites' messages, keeps one running sum of the masked vectors (each added as it arrives, then dropped),
/// and at the end rebuilds from the survivors' revealed shares what it needs to take the masks out
/// (<see cref="Unmask"/>). It never holds an individual update in the clear, only masked vectors and, at the end, the sum.
/// </summary>
public static partial class SecureAggregationServer
{
    /// <summary>Refuses a phase-0 message that is not a site of the round with two P-256 points and a 32-byte hash.</summary>
    public static void Check(RoundParameters round, SiteKeys keys)
    {
        CheckSite(round, keys.Site);
        using var cipher = P256Keys.Import(keys.CipherKey);
        using var mask = P256Keys.Import(keys.MaskKey);
        if (cipher is null || mask is null || keys.SelfSeedHash is not { Length: 32 })
        {
            throw new SecureAggregationException($"Site {keys.Site}'s keys are not two P-256 points of {P256Keys.PublicKeyBytes} bytes (0x04 ‖ X ‖ Y) and a 32-byte hash.");
        }
    }

    /// <summary>Refuses a phase-1 message that does not hold one ciphertext of the right size for each other site in <paramref name="advertised"/>.</summary>
    public static void Check(RoundParameters round, SiteShares shares, IReadOnlyCollection<int> advertised)
    {
        CheckSite(round, shares.Site);
        var expected = advertised.Where(s => s != shares.Site).ToHashSet();
        var addressed = shares.Shares?.Where(s => s is { Ciphertext.Length: ShareEncryption.CiphertextBytes } && s.From == shares.Site).Select(s => s.To).ToArray() ?? [];
        if (addressed.Length != expected.Count || !expected.SetEquals(addressed))
        {
            throw new SecureAggregationException($"Site {shares.Site}'s shares must be one ciphertext of {ShareEncryption.CiphertextBytes} bytes from it to each of sites {string.Join(", ", expected.Order())}.");
        }
    }

    /// <summary>The ciphertexts addressed to <paramref name="site"/>, to send it with the phase-2 task.</summary>
    public static IReadOnlyList<EncryptedShare> SharesFor(int site, IEnumerable<SiteShares> shares) =>
        [.. shares.SelectMany(s => s.Shares).Where(s => s.To == site).OrderBy(s => s.From)];

    /// <summary>A running sum of no vectors yet: zeros, <see cref="RoundParameters.VectorBytes"/> long.</summary>
    public static byte[] EmptySum(RoundParameters round) => new byte[round.VectorBytes];

    /// <summary>Adds one site's masked vector into the running sum (mod 2^w). Once per site: the caller keeps which sites are in.</summary>
    public static void Add(RoundParameters round, Span<byte> sum, MaskedUpdate update)
    {
        CheckSite(round, update.Site);
        if (sum.Length != round.VectorBytes || update.Masked?.Length != round.VectorBytes)
        {
            throw new SecureAggregationException($"Site {update.Site}'s masked update is {update.Masked?.Length ?? 0} bytes; the round's vectors are {round.VectorBytes} ({round.Length} weights in {round.Width}).");
        }

        FieldVector.Add(sum, update.Masked, round.Width);
    }

    /// <summary>The sum of the masked vectors of distinct sites.</summary>
    public static byte[] Sum(RoundParameters round, IEnumerable<MaskedUpdate> updates)
    {
        var (sum, seen) = (EmptySum(round), new HashSet<int>());
        foreach (var update in updates)
        {
            if (!seen.Add(update.Site))
            {
                throw new SecureAggregationException($"Site {update.Site}'s masked update is in the sum twice.");
            }

            Add(round, sum, update);
        }

        return sum;
    }

    private static void CheckSite(RoundParameters round, int site)
    {
        if (site < 0 || site >= round.Sites)
        {
            throw new SecureAggregationException($"Site {site} is not one of the round's sites, 0 to {round.Sites - 1}.");
        }
    }
}
