using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>Phases 2 and 3 of a site's round: masking its update, and revealing one share of each peer's secrets.</summary>
public sealed partial class SecureAggregationSite
{
    private Dictionary<int, (byte[] MaskKey, byte[] SelfSeed)>? _held;
    private HashSet<int>? _sharers;
    private byte[]? _inputHash;
    private MaskedUpdate? _masked;
    private HashSet<int>? _survivors;
    private UnmaskingShares? _revealed;

    /// <summary>
    /// Phase 2: <paramref name="encodedUpdate"/> (the round's field, <see cref="FieldEncoding"/>) plus this site's self
    /// mask plus a pairwise mask with every other site in <paramref name="sharers"/>, the sites that completed phase 1.
    /// <paramref name="sharesForMe"/> are the ciphertexts those sites addressed to this one: each must authenticate, and
    /// this site keeps the shares in them for phase 3.
    /// </summary>
    public MaskedUpdate MaskedInput(ReadOnlySpan<byte> encodedUpdate, IReadOnlyList<EncryptedShare> sharesForMe, IReadOnlyCollection<int> sharers)
    {
        if (_peers is null)
        {
            throw new SecureAggregationException($"Site {_site} masks its update after it has shared its keys (phase 1).");
        }

        var inputHash = HashOf(encodedUpdate, sharers);
        if (_masked is not null)
        {
            return inputHash.AsSpan().SequenceEqual(_inputHash)
                ? _masked
                : throw new SecureAggregationException($"Site {_site} has already sent its masked update for this round; a different second one would let the server subtract the two and see the difference of the updates.");
        }

        if (encodedUpdate.Length != _round.VectorBytes)
        {
            throw new SecureAggregationException($"The encoded update is {encodedUpdate.Length} bytes; the round's {_round.Length} weights in {_round.Width} are {_round.VectorBytes}.");
        }

        var present = CheckSharers(sharers);
        var held = OpenShares(sharesForMe, present);
        var pairSeeds = present.Where(p => p != _site).ToDictionary(p => p, p => PairwiseSeeds.Derive(_maskKey, _peers[p].Mask.PublicKey, _round.Round, _site, p));
        (_held, _sharers, _inputHash) = (held, present, inputHash);
        _masked = new MaskedUpdate(_site, Masking.Mask(encodedUpdate, _round.Width, _site, _selfSeed, pairSeeds));
        return _masked;
    }

    /// <summary>
    /// Phase 3: for each of <paramref name="survivors"/> (whose masked updates came) this site's share of its self-mask
    /// seed; for each of <paramref name="dropped"/> (whose did not) its share of its s private scalar. Together they must
    /// be exactly the sites this site masked with, survivors at least the threshold and this site among them. Never both
    /// shares of one site: a site in both lists, or a second call that splits the sites differently, is refused.
    /// </summary>
    public UnmaskingShares Unmask(IReadOnlyCollection<int> survivors, IReadOnlyCollection<int> dropped)
    {
        if (_sharers is null || _held is null)
        {
            throw new SecureAggregationException($"Site {_site} reveals shares after it has sent its masked update (phase 2).");
        }

        var both = survivors.Intersect(dropped).ToArray();
        if (both.Length > 0)
        {
            throw new SecureAggregationException($"Site {_site} was asked for both shares of site {Names(both)}; together they would unmask its update, so it reveals neither.");
        }

        if (_survivors is not null)
        {
            return SameSites(survivors, _survivors) && SameSites(dropped, _sharers.Except(_survivors))
                ? _revealed!
                : throw new SecureAggregationException($"Site {_site} has already revealed shares with sites {Names(_survivors)} as survivors; a different split would reveal both shares of a site.");
        }

        var (alive, gone) = (survivors.ToHashSet(), dropped.ToHashSet());
        if (alive.Count != survivors.Count || gone.Count != dropped.Count || !alive.Union(gone).ToHashSet().SetEquals(_sharers))
        {
            throw new SecureAggregationException($"The survivors and the dropped must be the sites site {_site} masked with, {Names(_sharers)}, each once.");
        }

        if (!alive.Contains(_site) || alive.Count < _round.Threshold)
        {
            throw new SecureAggregationException($"{alive.Count} survivors{(alive.Contains(_site) ? string.Empty : $" without site {_site}")}: unmasking needs at least the threshold of {_round.Threshold}, this site among them.");
        }

        RevealedShare[] shares =
        [
            .. alive.Order().Select(s => new RevealedShare(s, ShareKind.SelfSeed, _held[s].SelfSeed)),
            .. gone.Order().Select(d => new RevealedShare(d, ShareKind.MaskKey, _held[d].MaskKey)),
        ];
        (_survivors, _revealed) = (alive, new UnmaskingShares(_site, shares));
        return _revealed;
    }

    private static byte[] HashOf(ReadOnlySpan<byte> encodedUpdate, IReadOnlyCollection<int> sharers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(encodedUpdate);
        foreach (var site in sharers.Order())
        {
            hash.AppendData(BitConverter.GetBytes(site));
        }

        return hash.GetHashAndReset();
    }

    private HashSet<int> CheckSharers(IReadOnlyCollection<int> sharers)
    {
        var present = sharers.ToHashSet();
        if (present.Count != sharers.Count || !present.Contains(_site) || !present.IsSubsetOf(_peers!.Keys))
        {
            throw new SecureAggregationException($"The sites that shared their keys must be distinct, among those that advertised keys ({Names(_peers!.Keys)}), and include site {_site}.");
        }

        return present.Count >= _round.Threshold
            ? present
            : throw new SecureAggregationException($"Only {present.Count} sites shared their keys; the round's threshold is {_round.Threshold}.");
    }

    private Dictionary<int, (byte[] MaskKey, byte[] SelfSeed)> OpenShares(IReadOnlyList<EncryptedShare> sharesForMe, HashSet<int> present)
    {
        var held = new Dictionary<int, (byte[], byte[])> { [_site] = _ownShares };
        foreach (var share in sharesForMe)
        {
            if (share.To != _site || !present.Contains(share.From) || share.From == _site || held.ContainsKey(share.From))
            {
                throw new SecureAggregationException($"A share from site {share.From} to site {share.To} is not one site {_site} expects: one from each other site that shared its keys, addressed to it.");
            }

            var plaintext = ShareEncryption.Open(_cipherKey, _peers![share.From].Cipher.PublicKey, _round.Round, share.From, _site, share.Ciphertext)
                ?? throw new SecureAggregationException($"The share from site {share.From} to site {_site} does not authenticate: it was altered, or it was not sealed for this pair in this round.");
            held[share.From] = (plaintext[..ShareEncryption.ShareBytes], plaintext[ShareEncryption.ShareBytes..]);
        }

        var missing = present.Where(p => !held.ContainsKey(p)).ToArray();
        return missing.Length == 0
            ? held
            : throw new SecureAggregationException($"Site {_site} has no share from site {Names(missing)}, which shared its keys.");
    }
}
