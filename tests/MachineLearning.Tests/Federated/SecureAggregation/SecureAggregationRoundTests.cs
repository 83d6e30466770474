using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.MachineLearning.Tests.Federated.SecureAggregation;

/// <summary>
/// Whole rounds of 20 sites through the four phases: one site drops after advertising its keys, one after sharing them,
/// and 30 % either after sending their masked update (their self masks are rebuilt from others' shares) or before it
/// (their pairs' masks are rebuilt from their mask keys). The server's result is exactly the survivors' sum.
/// </summary>
public sealed class SecureAggregationRoundTests
{
    private const int Sites = 20, Threshold = 11, Weights = 4099;

    [Theory]
    [InlineData(FieldWidth.Bits16, DropsAfter.MaskedInput)]
    [InlineData(FieldWidth.Bits32, DropsAfter.MaskedInput)]
    [InlineData(FieldWidth.Bits16, DropsAfter.Shares)]
    [InlineData(FieldWidth.Bits32, DropsAfter.Shares)]
    public void The_server_recovers_exactly_the_survivors_sum_and_never_sees_an_update(FieldWidth width, DropsAfter thirtyPercent)
    {
        var field = width == FieldWidth.Bits16 ? FieldEncoding.Int8(1f) : FieldEncoding.FixedPoint32(1f);
        var random = new Random(20);
        var encoded = Enumerable.Range(0, Sites).Select(_ => field.Encode([.. Enumerable.Range(0, Weights).Select(_ => (float)(random.NextDouble() * 2) - 1)], random)).ToArray();
        var drops = new Dictionary<int, DropsAfter> { [3] = DropsAfter.Keys, [8] = DropsAfter.Shares };
        foreach (var site in new[] { 1, 5, 10, 13, 17, 19 })
        {
            drops[site] = thirtyPercent;
        }

        using var run = new RoundRun(new RoundParameters(Guid.NewGuid(), Sites, Threshold, width, Weights));
        var sum = run.Run(encoded, drops);

        int[] expectedSurvivors = thirtyPercent == DropsAfter.MaskedInput ? [0, 1, 2, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] : [0, 2, 4, 6, 7, 9, 11, 12, 14, 15, 16, 18];
        Assert.Equal(expectedSurvivors, run.Survivors);
        var plain = new byte[width.BytesFor(Weights)];
        foreach (var site in run.Survivors)
        {
            FieldVector.Add(plain, encoded[site], width);
        }

        Assert.Equal(plain, sum);
        foreach (var (site, masked) in run.Masked)
        {
            Assert.NotEqual(encoded[site], masked);
            var same = Elements(masked, width).Zip(Elements(encoded[site], width)).Count(p => p.First == p.Second);
            Assert.True(same <= 4 + (4.0 * Weights / Math.Pow(2, (int)width)), $"site {site}'s masked vector equals its update at {same} of {Weights} weights");
        }

        AssertLooksUniform([.. run.Masked.Values.SelectMany(m => Elements(m, width))], width);
    }

    [Fact]
    public void The_decoded_int8_sum_is_the_sum_of_the_quantised_updates_at_the_rounds_scale()
    {
        var field = FieldEncoding.Int8(0.5f);
        var random = new Random(4);
        var updates = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 300).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
        var quantised = updates.Select(u => Platform.MachineLearning.Federated.Int8Quantizer.Quantize(u, field.QuantizerScale, random)).ToArray();

        using var run = new RoundRun(new RoundParameters(Guid.NewGuid(), 6, 4, FieldWidth.Bits16, 300));
        var sum = field.Decode(run.Run([.. quantised.Select(field.Encode)], new Dictionary<int, DropsAfter>()), sites: 6);

        var expected = Enumerable.Range(0, 300).Select(i => (float)(quantised.Sum(q => (int)q.Values[i]) * field.Scale));
        Assert.Equal(expected, sum);
    }

    [Fact]
    public void Every_message_is_the_size_the_protocol_documents()
    {
        const int N = 8, L = 1000;
        using var run = new RoundRun(new RoundParameters(Guid.NewGuid(), N, 5, FieldWidth.Bits16, L));
        var field = FieldEncoding.Int8(1f);
        run.Run([.. Enumerable.Range(0, N).Select(_ => field.Encode(new float[L], new Random(1)))], new Dictionary<int, DropsAfter> { [7] = DropsAfter.Shares });

        Assert.All(run.Received.OfType<SiteKeys>(), m => Assert.Equal(166, m.Bytes));
        Assert.All(run.Received.OfType<SiteShares>(), m => Assert.Equal(4 + (120 * (N - 1)), m.Bytes));
        Assert.All(run.Received.OfType<MaskedUpdate>(), m => Assert.Equal(4 + (2 * L), m.Bytes));
        Assert.All(run.Received.OfType<UnmaskingShares>(), m => Assert.Equal(4 + (53 * N), m.Bytes)); // 7 survivors' seeds + 1 dropped's key
    }

    private static IEnumerable<uint> Elements(byte[] vector, FieldWidth width) => width == FieldWidth.Bits16
        ? Enumerable.Range(0, vector.Length / 2).Select(i => (uint)BitConverter.ToUInt16(vector, i * 2))
        : Enumerable.Range(0, vector.Length / 4).Select(i => BitConverter.ToUInt32(vector, i * 4));

    /// <summary>A χ² test on the top four bits of every element: int8 or fixed-point updates in the clear crowd into 0000 and 1111.</summary>
    private static void AssertLooksUniform(uint[] elements, FieldWidth width)
    {
        var counts = new double[16];
        foreach (var e in elements)
        {
            counts[e >> ((int)width - 4)]++;
        }

        var expected = elements.Length / 16.0;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < 50, $"χ² = {chiSquare:F1} over 15 degrees of freedom (p < 1e-5 past 50): the masked vectors are not uniform");
    }
}
