using System.Security.Cryptography;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.MachineLearning.Tests.Federated;

/// <summary>
/// A round of secure aggregation among ten sites, three of which drop after masking: the server, from what it received
/// and the survivors' shares alone, gets exactly the sum of the survivors' updates, and never one of them in the clear.
/// </summary>
public sealed class SecureAggregationTests
{
    [Fact]
    public void With_sites_dropping_after_masking_the_server_recovers_exactly_the_survivors_sum_and_no_single_update()
    {
        const int Sites = 10, Threshold = 7, Weights = 257;
        var (round, random) = (Guid.NewGuid(), new Random(5));
        var keys = Enumerable.Range(0, Sites).Select(_ => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256)).ToArray();
        var selfSeeds = Enumerable.Range(0, Sites).Select(_ => RandomNumberGenerator.GetBytes(MaskStream.SeedLength)).ToArray();
        var updates = Enumerable.Range(0, Sites).Select(_ => Enumerable.Range(0, Weights).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray()).ToArray();
        var encoded = updates.Select(u => FixedPoint.Encode(u, clip: 1f)).ToArray();

        // Each site shares its round key's private scalar and its own seed among all sites (encrypted to each in the real protocol).
        var keyShares = keys.Select(k => Shamir.Split(k.ExportParameters(true).D, Sites, Threshold)).ToArray();
        var seedShares = selfSeeds.Select(s => Shamir.Split(s, Sites, Threshold)).ToArray();
        var masked = Enumerable.Range(0, Sites).Select(me => Masking.Mask(
            encoded[me], me, selfSeeds[me],
            Enumerable.Range(0, Sites).Where(p => p != me).ToDictionary(p => p, p => PairwiseSeeds.Derive(keys[me], keys[p].PublicKey, round, me, p)))).ToArray();

        int[] dropped = [2, 5, 9];
        var survivors = Enumerable.Range(0, Sites).Except(dropped).ToArray();
        var sum = new uint[Weights];
        foreach (var s in survivors)
        {
            Assert.NotEqual(encoded[s], masked[s]); // what reaches the server is masked
            FixedPoint.Add(sum, masked[s]);
        }

        foreach (var s in survivors)
        {
            Masking.RemoveSelfMask(sum, Shamir.Combine([.. survivors.Take(Threshold).Select(holder => seedShares[s][holder])], MaskStream.SeedLength));
        }

        foreach (var d in dropped)
        {
            var privateKey = Shamir.Combine([.. survivors.Take(Threshold).Select(holder => keyShares[d][holder])], 32);
            using var rebuilt = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = privateKey, Q = keys[d].ExportParameters(false).Q });
            foreach (var s in survivors)
            {
                Masking.RemoveDroppedPair(sum, s, d, PairwiseSeeds.Derive(rebuilt, keys[s].PublicKey, round, d, s));
            }
        }

        var plain = new uint[Weights];
        foreach (var s in survivors)
        {
            FixedPoint.Add(plain, encoded[s]);
        }

        Assert.Equal(plain, sum);
        var expected = survivors.Select(s => updates[s]).Aggregate(new double[Weights], (acc, u) => { for (var i = 0; i < Weights; i++) { acc[i] += u[i]; } return acc; });
        Assert.All(FixedPoint.Decode(sum).Zip(expected), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, Sites * Math.Pow(2, -FixedPoint.FractionBits)));
    }

    [Fact]
    public void Shamir_gives_the_secret_back_from_any_threshold_of_shares_and_not_from_fewer()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var shares = Shamir.Split(secret, 5, 3);

        Assert.Equal(secret, Shamir.Combine([shares[4], shares[0], shares[2]], 32));
        Assert.Equal(secret, Shamir.Combine([shares[1], shares[3], shares[4], shares[0]], 32));
        byte[]? guess = null;
        var refused = Record.Exception(() => guess = Shamir.Combine([shares[0], shares[1]], 32));
        Assert.True(refused is CryptographicException || !guess!.SequenceEqual(secret), "two shares of a threshold of three gave the secret back");
    }

    [Fact]
    public void Fixed_point_sums_wrap_in_the_field_and_decode_to_the_plain_sum()
    {
        var a = FixedPoint.Encode([0.5f, -0.25f, 3f], clip: 2f);
        var b = FixedPoint.Encode([-1.5f, -0.25f, 1f], clip: 2f);
        FixedPoint.Add(a, b);
        Assert.Equal([-1f, -0.5f, 3f], FixedPoint.Decode(a)); // 3 clipped to 2, plus 1
        Assert.Throws<ArgumentException>(() => FixedPoint.Encode([float.PositiveInfinity], 1f));
    }
}
