using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.MachineLearning.Tests.Federated.SecureAggregation;

/// <summary>What sites and server refuse, each with a reason that names the site: the protocol's safety rests on these.</summary>
public sealed class SecureAggregationRefusalTests : IDisposable
{
    private const int Sites = 6, Threshold = 4, Weights = 64;
    private readonly RoundParameters _round = new(Guid.NewGuid(), Sites, Threshold, FieldWidth.Bits16, Weights);
    private readonly SecureAggregationSite[] _sites;
    private readonly SiteKeys[] _keys;
    private readonly SiteShares[] _shares;
    private readonly int[] _all = [.. Enumerable.Range(0, Sites)];

    public SecureAggregationRefusalTests()
    {
        _sites = [.. _all.Select(s => new SecureAggregationSite(_round, s))];
        _keys = [.. _sites.Select(s => s.AdvertiseKeys())];
        _shares = [.. _sites.Select(s => s.ShareKeys(_keys))];
    }

    [Fact]
    public void A_site_asked_for_both_shares_of_one_peer_reveals_neither()
    {
        Mask(0);
        var refused = Assert.Throws<SecureAggregationException>(() => _sites[0].Unmask([0, 1, 2, 3, 4], [4, 5]));
        Assert.Contains("both shares of site 4", refused.Message);
    }

    [Fact]
    public void A_site_that_has_revealed_shares_refuses_a_different_split_but_repeats_the_same_one()
    {
        Mask(0);
        var first = _sites[0].Unmask([0, 1, 2, 3, 4], [5]);
        Assert.Same(first, _sites[0].Unmask([4, 3, 2, 1, 0], [5])); // a retry gets the same answer

        var refused = Assert.Throws<SecureAggregationException>(() => _sites[0].Unmask([0, 1, 2, 3, 5], [4]));
        Assert.Contains("already revealed", refused.Message);
    }

    [Fact]
    public void A_site_refuses_to_unmask_with_fewer_survivors_than_the_threshold_or_without_itself()
    {
        Mask(0);
        Assert.Contains("threshold of 4", Assert.Throws<SecureAggregationException>(() => _sites[0].Unmask([0, 1, 2], [3, 4, 5])).Message);
        Assert.Contains("without site 0", Assert.Throws<SecureAggregationException>(() => _sites[0].Unmask([1, 2, 3, 4], [0, 5])).Message);
        Assert.Contains("each once", Assert.Throws<SecureAggregationException>(() => _sites[0].Unmask([0, 1, 2, 3], [4])).Message); // site 5 left out
    }

    [Fact]
    public void A_tampered_ciphertext_fails_its_tag_and_the_site_names_the_sender()
    {
        var forMe = SecureAggregationServer.SharesFor(2, _shares).ToArray();
        var tampered = (byte[])forMe[3].Ciphertext.Clone();
        tampered[17] ^= 1;
        forMe[3] = forMe[3] with { Ciphertext = tampered };

        var refused = Assert.Throws<SecureAggregationException>(() => _sites[2].MaskedInput(new byte[_round.VectorBytes], forMe, _all));
        Assert.Contains($"share from site {forMe[3].From} to site 2 does not authenticate", refused.Message);
    }

    [Fact]
    public void A_ciphertext_passed_off_as_from_another_site_fails_because_the_pair_and_direction_are_bound()
    {
        var forMe = SecureAggregationServer.SharesFor(2, _shares).ToArray();
        (forMe[0], forMe[1]) = (forMe[0] with { Ciphertext = forMe[1].Ciphertext }, forMe[1] with { Ciphertext = forMe[0].Ciphertext });

        Assert.Throws<SecureAggregationException>(() => _sites[2].MaskedInput(new byte[_round.VectorBytes], forMe, _all));
    }

    [Fact]
    public void A_site_refuses_a_second_different_masked_update_which_would_reveal_the_difference()
    {
        var first = Mask(1);
        Assert.Same(first, Mask(1));
        var refused = Assert.Throws<SecureAggregationException>(() => _sites[1].MaskedInput(Enumerable.Repeat((byte)1, _round.VectorBytes).ToArray(), SecureAggregationServer.SharesFor(1, _shares), _all));
        Assert.Contains("already sent its masked update", refused.Message);
    }

    [Fact]
    public void A_site_refuses_a_missing_share_and_an_update_of_the_wrong_size()
    {
        var forMe = SecureAggregationServer.SharesFor(3, _shares).Where(s => s.From != 5).ToArray();
        Assert.Contains("no share from site 5", Assert.Throws<SecureAggregationException>(() => _sites[3].MaskedInput(new byte[_round.VectorBytes], forMe, _all)).Message);
        Assert.Contains("128", Assert.Throws<SecureAggregationException>(() => _sites[3].MaskedInput(new byte[10], SecureAggregationServer.SharesFor(3, _shares), _all)).Message);
    }

    [Fact]
    public void Below_the_threshold_of_answers_the_server_says_whose_secret_lacks_shares()
    {
        var masked = _all.Select(Mask).ToArray();
        int[] survivors = [0, 1, 2, 3, 4];
        var sum = SecureAggregationServer.Sum(_round, masked.Where(m => m.Site != 5));
        var answers = survivors.Take(Threshold - 1).Select(s => _sites[s].Unmask(survivors, [5])).ToArray();

        var refused = Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Unmask(_round, sum, _keys, _all, survivors, answers));
        Assert.Equal("Site 0's self-mask seed has 3 shares; rebuilding it needs the threshold of 4.", refused.Message);
    }

    [Fact]
    public void The_server_refuses_a_corrupted_revealed_share_instead_of_returning_a_wrong_sum()
    {
        var masked = _all.Select(Mask).ToArray();
        int[] survivors = [0, 1, 2, 3, 4];
        var sum = SecureAggregationServer.Sum(_round, masked.Where(m => m.Site != 5));
        var answers = survivors.Select(s => _sites[s].Unmask(survivors, [5])).ToArray();
        var bad = answers[0].Shares.Select(r => r.Owner == 5 ? r with { Share = [.. r.Share.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b)] } : r).ToArray();
        var corruptedKey = answers.Select((a, i) => i == 0 ? a with { Shares = bad } : a).ToArray();
        Assert.Contains("mask key rebuilt for site 5 does not match", Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Unmask(_round, sum, _keys, _all, survivors, corruptedKey)).Message);

        var badSeed = answers[1].Shares.Select(r => r.Owner == 2 ? r with { Share = [.. r.Share.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b)] } : r).ToArray();
        var corruptedSeed = answers.Select((a, i) => i == 1 ? a with { Shares = badSeed } : a).ToArray();
        Assert.Contains("seed rebuilt for site 2 does not match", Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Unmask(_round, sum, _keys, _all, survivors, corruptedSeed)).Message);
    }

    [Fact]
    public void The_server_refuses_malformed_keys_shares_and_vectors_at_the_door()
    {
        Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Check(_round, _keys[0] with { MaskKey = [0x04, .. new byte[64]] }));
        Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Check(_round, _keys[0] with { Site = Sites }));
        Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Check(_round, _shares[0] with { Shares = _shares[0].Shares.Skip(1).ToArray() }, _all));
        var sum = SecureAggregationServer.EmptySum(_round);
        Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Add(_round, sum, new MaskedUpdate(0, new byte[3])));
        Assert.Throws<SecureAggregationException>(() => SecureAggregationServer.Sum(_round, [Mask(0), Mask(0)]));
    }

    [Fact]
    public void A_round_must_have_a_majority_threshold_and_an_int8_round_at_most_258_sites()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundParameters(Guid.NewGuid(), 20, 10, FieldWidth.Bits16, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundParameters(Guid.NewGuid(), 259, 200, FieldWidth.Bits16, 1));
        Assert.Equal(258, new RoundParameters(Guid.NewGuid(), 258, 200, FieldWidth.Bits16, 1).Sites);
        Assert.Equal(14, RoundParameters.DefaultThreshold(20));
    }

    public void Dispose()
    {
        foreach (var site in _sites)
        {
            site.Dispose();
        }
    }

    private MaskedUpdate Mask(int site) => _sites[site].MaskedInput(new byte[_round.VectorBytes], SecureAggregationServer.SharesFor(site, _shares), _all);
}
