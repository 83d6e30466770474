using System.Text.Json;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.MachineLearning.Tests.Federated.SecureAggregation;

/// <summary>The last phase a site completes before it drops out of a round.</summary>
public enum DropsAfter
{
    Never,
    Keys,
    Shares,
    MaskedInput,
}

/// <summary>
/// A whole round of secure aggregation between real <see cref="SecureAggregationSite"/>s and the
/// <see cref="SecureAggregationServer"/> functions, every message passed through System.Text.Json on its way (as the
/// Api will store and forward it), the server holding only what it was sent.
/// </summary>
internal sealed class RoundRun : IDisposable
{
    private readonly SecureAggregationSite[] _sites;

    public RoundRun(RoundParameters round)
    {
        Round = round;
        _sites = [.. Enumerable.Range(0, round.Sites).Select(s => new SecureAggregationSite(round, s))];
    }

    public RoundParameters Round { get; }

    public IReadOnlyList<SecureAggregationSite> Sites => _sites;

    /// <summary>Every message the server received, to measure and to inspect.</summary>
    public List<object> Received { get; } = [];

    /// <summary>The masked vectors the server received, by site.</summary>
    public Dictionary<int, byte[]> Masked { get; } = [];

    /// <summary>The sites whose masked update came.</summary>
    public IReadOnlyList<int> Survivors { get; private set; } = [];

    /// <summary>Runs the four phases with <paramref name="encoded"/> as the sites' field-encoded updates; the plain (unmasked) field sum.</summary>
    public byte[] Run(IReadOnlyList<byte[]> encoded, IReadOnlyDictionary<int, DropsAfter> drops)
    {
        bool Continues(int site, DropsAfter phase) => !drops.TryGetValue(site, out var last) || last == DropsAfter.Never || last > phase;

        var keys = Enumerable.Range(0, Round.Sites).Select(s => Wire(_sites[s].AdvertiseKeys())).ToList();
        keys.ForEach(k => SecureAggregationServer.Check(Round, k));

        var advertised = keys.Select(k => k.Site).ToArray();
        var shares = keys.Where(k => Continues(k.Site, DropsAfter.Keys)).Select(k => Wire(_sites[k.Site].ShareKeys(Wire(keys)))).ToList();
        shares.ForEach(s => SecureAggregationServer.Check(Round, s, advertised));

        var sharers = shares.Select(s => s.Site).ToArray();
        var sum = SecureAggregationServer.EmptySum(Round);
        foreach (var site in sharers.Where(s => Continues(s, DropsAfter.Shares)))
        {
            var masked = Wire(_sites[site].MaskedInput(encoded[site], Wire(SecureAggregationServer.SharesFor(site, shares)), Wire(sharers)));
            SecureAggregationServer.Add(Round, sum, masked);
            Masked[site] = masked.Masked;
        }

        Survivors = [.. Masked.Keys.Order()];
        var dropped = sharers.Except(Survivors).ToArray();
        var answers = Survivors.Where(s => Continues(s, DropsAfter.MaskedInput)).Select(s => Wire(_sites[s].Unmask(Wire(Survivors), Wire(dropped)))).ToList();
        return SecureAggregationServer.Unmask(Round, sum, keys, sharers, Survivors, answers);
    }

    public void Dispose()
    {
        foreach (var site in _sites)
        {
            site.Dispose();
        }
    }

    private T Wire<T>(T message)
    {
        var copy = JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(message))!;
        if (copy is not IEnumerable<int> and not IEnumerable<SiteKeys> and not IEnumerable<EncryptedShare>)
        {
            Received.Add(copy);
        }

        return copy;
    }
}
