using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>Taking the masks out of the round's sum.</summary>
public static partial class SecureAggregationServer
{
    /// <summary>
    /// The plain sum of the survivors' encoded updates (in the round's field; decode it with its <see cref="FieldEncoding"/>)
    /// from the masked sum of their vectors. <paramref name="sharers"/> are the sites that completed phase 1 (everyone
    /// masked with them), <paramref name="survivors"/> those whose masked update is in <paramref name="maskedSum"/>, and
    /// <paramref name="answers"/> the phase-3 messages. Each survivor's self-mask seed is rebuilt from t shares and checked
    /// against its advertised hash; each dropped sharer's s private scalar is rebuilt from t shares and checked against its
    /// advertised public key, then its pairs with the survivors are taken out.
    /// </summary>
    public static byte[] Unmask(
        RoundParameters round, ReadOnlySpan<byte> maskedSum, IReadOnlyList<SiteKeys> keys, IReadOnlyCollection<int> sharers, IReadOnlyCollection<int> survivors, IReadOnlyList<UnmaskingShares> answers)
    {
        var (present, alive) = (sharers.ToHashSet(), survivors.ToHashSet());
        if (maskedSum.Length != round.VectorBytes)
        {
            throw new SecureAggregationException($"The masked sum is {maskedSum.Length} bytes; the round's vectors are {round.VectorBytes}.");
        }

        if (!alive.IsSubsetOf(present) || alive.Count < round.Threshold)
        {
            throw new SecureAggregationException($"{alive.Count} survivors: unmasking needs at least the threshold of {round.Threshold}, all of them sites that shared their keys.");
        }

        var keysBySite = keys.Where(k => present.Contains(k.Site)).GroupBy(k => k.Site).ToDictionary(g => g.Key, g => g.First());
        var missingKeys = present.Where(s => !keysBySite.ContainsKey(s)).ToArray();
        if (missingKeys.Length > 0)
        {
            throw new SecureAggregationException($"The keys of site {string.Join(", ", missingKeys.Order())}, which shared its keys, are missing.");
        }

        var shares = Collect(present, alive, answers);
        var sum = maskedSum.ToArray();
        foreach (var survivor in alive.Order())
        {
            var seed = Rebuild(round, shares, survivor, ShareKind.SelfSeed);
            if (!SHA256.HashData(seed).AsSpan().SequenceEqual(keysBySite[survivor].SelfSeedHash))
            {
                throw new SecureAggregationException($"The self-mask seed rebuilt for site {survivor} does not match the hash it advertised: its shares are not of one seed.");
            }

            Masking.RemoveSelfMask(sum, round.Width, seed);
        }

        var gone = present.Except(alive).Order().ToArray();
        var survivorKeys = gone.Length == 0 ? [] : alive.Order().Select(s => (Site: s, Key: P256Keys.Import(keysBySite[s].MaskKey))).ToArray();
        try
        {
            foreach (var dropped in gone)
            {
                using var rebuilt = P256Keys.Import(keysBySite[dropped].MaskKey, Rebuild(round, shares, dropped, ShareKind.MaskKey))
                    ?? throw new SecureAggregationException($"The mask key rebuilt for site {dropped} does not match the public key it advertised: its shares are not of one key.");
                foreach (var (survivor, key) in survivorKeys)
                {
                    var theirs = key ?? throw new SecureAggregationException($"Site {survivor}'s mask key is not a P-256 point.");
                    Masking.RemoveDroppedPair(sum, round.Width, survivor, dropped, PairwiseSeeds.Derive(rebuilt, theirs.PublicKey, round.Round, dropped, survivor));
                }
            }
        }
        finally
        {
            foreach (var (_, key) in survivorKeys)
            {
                key?.Dispose();
            }
        }

        return sum;
    }

    private static Dictionary<(int Owner, ShareKind Kind), List<SecretShare>> Collect(HashSet<int> present, HashSet<int> alive, IReadOnlyList<UnmaskingShares> answers)
    {
        var shares = new Dictionary<(int, ShareKind), List<SecretShare>>();
        foreach (var answer in answers.DistinctBy(a => a.Site))
        {
            if (!alive.Contains(answer.Site))
            {
                throw new SecureAggregationException($"Site {answer.Site} revealed shares but is not a survivor.");
            }

            foreach (var revealed in answer.Shares ?? [])
            {
                var kind = alive.Contains(revealed.Owner) ? ShareKind.SelfSeed : present.Contains(revealed.Owner) ? ShareKind.MaskKey : (ShareKind)0;
                if (revealed.Kind != kind)
                {
                    throw new SecureAggregationException($"Site {answer.Site} revealed a {revealed.Kind} share of site {revealed.Owner}, which is {(kind == 0 ? "not a site that shared its keys" : $"owed a {kind} share")}.");
                }

                var share = SecretShare.FromBytes(answer.Site + 1, revealed.Share, MaskStream.SeedLength)
                    ?? throw new SecureAggregationException($"Site {answer.Site}'s share of site {revealed.Owner} is not {ShareEncryption.ShareBytes} bytes of field values.");
                var list = shares.TryGetValue((revealed.Owner, kind), out var found) ? found : shares[(revealed.Owner, kind)] = [];
                if (list.Any(s => s.X == share.X))
                {
                    throw new SecureAggregationException($"Site {answer.Site} revealed two shares of site {revealed.Owner}.");
                }

                list.Add(share);
            }
        }

        return shares;
    }

    private static byte[] Rebuild(RoundParameters round, Dictionary<(int Owner, ShareKind Kind), List<SecretShare>> shares, int owner, ShareKind kind)
    {
        var found = shares.GetValueOrDefault((owner, kind)) ?? [];
        if (found.Count < round.Threshold)
        {
            var what = kind == ShareKind.SelfSeed ? "self-mask seed" : "mask key";
            throw new SecureAggregationException($"Site {owner}'s {what} has {found.Count} shares; rebuilding it needs the threshold of {round.Threshold}.");
        }

        try
        {
            return Shamir.Combine([.. found.OrderBy(s => s.X).Take(round.Threshold)], kind == ShareKind.SelfSeed ? MaskStream.SeedLength : P256Keys.PrivateKeyBytes);
        }
        catch (CryptographicException e)
        {
            throw new SecureAggregationException($"Site {owner}'s shares do not give back a secret: they are not of one secret.", e);
        }
    }
}
