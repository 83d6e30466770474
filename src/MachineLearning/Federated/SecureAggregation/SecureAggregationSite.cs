using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// One site's side of one round of secure aggregation (Bonawitz et al. 2017, semi-honest server; docs/decisions/ADR-009),
/// a phase a method: <see cref="AdvertiseKeys"/>, <see cref="ShareKeys"/>, <see cref="MaskedInput"/>, <see cref="Unmask"/>.
/// It makes its keys and self-mask seed when created, keeps them in memory only, and is disposed with the round: a site
/// that restarts mid-round has dropped out of it, which the protocol tolerates. Each phase answers once; asked again
/// with the same inputs it gives the same message (the Api's retries), asked differently it refuses, because a second
/// masked update or a second split of survivors and dropped would give the server what the masks hide.
/// One instance serves one site's calls in turn; it is not meant to be called from two threads at once.
/// </summary>
public sealed partial class SecureAggregationSite : IDisposable
{
    private readonly RoundParameters _round;
    private readonly int _site;
    private readonly ECDiffieHellman _cipherKey = P256Keys.Create();
    private readonly ECDiffieHellman _maskKey = P256Keys.Create();
    private readonly byte[] _selfSeed = RandomNumberGenerator.GetBytes(MaskStream.SeedLength);
    private readonly SiteKeys _keys;
    private Dictionary<int, (SiteKeys Keys, ECDiffieHellman Cipher, ECDiffieHellman Mask)>? _peers;
    private SiteShares? _shared;
    private (byte[] MaskKey, byte[] SelfSeed) _ownShares;

    public SecureAggregationSite(RoundParameters round, int site)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(site);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(site, round.Sites);
        (_round, _site) = (round, site);
        _keys = new SiteKeys(site, P256Keys.ExportPublic(_cipherKey), P256Keys.ExportPublic(_maskKey), SHA256.HashData(_selfSeed));
    }

    public int Site => _site;

    /// <summary>Phase 0: this site's public keys for the round and the hash of its self-mask seed.</summary>
    public SiteKeys AdvertiseKeys() => _keys;

    /// <summary>
    /// Phase 1: given the keys of every site that advertised (this one's among them), Shamir-shares this site's s
    /// private scalar and self-mask seed among them at the round's threshold, and encrypts each one's pair of shares to it.
    /// </summary>
    public SiteShares ShareKeys(IReadOnlyList<SiteKeys> peers)
    {
        if (_shared is not null)
        {
            return SameSites(peers.Select(p => p.Site), _peers!.Keys) && peers.All(p => Same(p, _peers[p.Site].Keys))
                ? _shared
                : throw new SecureAggregationException($"Site {_site} has already shared its keys among sites {Names(_peers!.Keys)}; sharing them again among others would give more shares out.");
        }

        var byPeer = ReadPeers(peers);
        var points = byPeer.Keys.Order().Select(p => p + 1).ToArray();
        var maskKeyShares = Shamir.Split(P256Keys.ExportPrivate(_maskKey), points, _round.Threshold);
        var seedShares = Shamir.Split(_selfSeed, points, _round.Threshold);
        var encrypted = new List<EncryptedShare>();
        for (var i = 0; i < points.Length; i++)
        {
            var (peer, plaintext) = (points[i] - 1, (byte[])[.. maskKeyShares[i].ToBytes(), .. seedShares[i].ToBytes()]);
            if (peer == _site)
            {
                _ownShares = (plaintext[..ShareEncryption.ShareBytes], plaintext[ShareEncryption.ShareBytes..]);
                continue;
            }

            encrypted.Add(new EncryptedShare(_site, peer, ShareEncryption.Seal(_cipherKey, byPeer[peer].Cipher.PublicKey, _round.Round, _site, peer, plaintext)));
        }

        (_peers, _shared) = (byPeer, new SiteShares(_site, encrypted));
        return _shared;
    }

    public void Dispose()
    {
        _cipherKey.Dispose();
        _maskKey.Dispose();
        foreach (var (_, cipher, mask) in _peers?.Where(p => p.Key != _site).Select(p => p.Value) ?? [])
        {
            cipher.Dispose();
            mask.Dispose();
        }

        CryptographicOperations.ZeroMemory(_selfSeed);
    }

    private Dictionary<int, (SiteKeys Keys, ECDiffieHellman Cipher, ECDiffieHellman Mask)> ReadPeers(IReadOnlyList<SiteKeys> peers)
    {
        if (peers.Select(p => p.Site).Distinct().Count() != peers.Count || peers.Any(p => p.Site < 0 || p.Site >= _round.Sites))
        {
            throw new SecureAggregationException($"The advertised keys must come from distinct sites numbered 0 to {_round.Sites - 1}.");
        }

        if (!peers.Any(p => p.Site == _site && Same(p, _keys)))
        {
            throw new SecureAggregationException($"The advertised keys do not hold site {_site}'s own as it advertised them.");
        }

        if (peers.Count < _round.Threshold)
        {
            throw new SecureAggregationException($"Only {peers.Count} sites advertised keys; the round's threshold is {_round.Threshold}.");
        }

        var read = new Dictionary<int, (SiteKeys, ECDiffieHellman, ECDiffieHellman)>();
        foreach (var peer in peers.Where(p => p.Site != _site))
        {
            var (cipher, mask) = (P256Keys.Import(peer.CipherKey), P256Keys.Import(peer.MaskKey));
            if (cipher is null || mask is null || peer.SelfSeedHash is not { Length: 32 })
            {
                foreach (var key in read.Values.SelectMany(r => new[] { r.Item2, r.Item3 }).Append(cipher).Append(mask))
                {
                    key?.Dispose();
                }

                throw new SecureAggregationException($"Site {peer.Site}'s advertised keys are not two P-256 points of {P256Keys.PublicKeyBytes} bytes and a 32-byte hash.");
            }

            read[peer.Site] = (peer, cipher, mask);
        }

        read[_site] = (_keys, _cipherKey, _maskKey);
        return read;
    }

    private static bool Same(SiteKeys a, SiteKeys b) =>
        a.Site == b.Site && a.CipherKey.AsSpan().SequenceEqual(b.CipherKey) && a.MaskKey.AsSpan().SequenceEqual(b.MaskKey) && a.SelfSeedHash.AsSpan().SequenceEqual(b.SelfSeedHash);

    private static bool SameSites(IEnumerable<int> a, IEnumerable<int> b) => a.ToHashSet().SetEquals(b);

    private static string Names(IEnumerable<int> sites) => string.Join(", ", sites.Order());
}
