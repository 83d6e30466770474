using Platform.MachineLearning.Federated.Privacy;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.MachineLearning.Tests.Federated.SecureAggregation;

/// <summary>
/// DP and secure aggregation together, as a site and the server will run them: each site clips its update to C, adds
/// its share of the noise N(0, (zC)²/n_min), quantises at the round's scale C/127 into Z/2^16 and masks; the server
/// unmasks the sum of the survivors. What it decodes is the sum of the clipped updates plus Gaussian noise of variance
/// (zC)²·survivors/n_min, plus a rounding error under one step (C/127) per site.
/// </summary>
public sealed class PrivateRoundTests
{
    [Fact]
    public void The_decoded_sum_is_the_clipped_sum_within_the_noise_and_rounding_bounds()
    {
        const int Sites = 20, Quorum = 16, Weights = 4000;
        const float Clip = 1f;
        const double Z = 1.0;
        var field = FieldEncoding.Int8(Clip);
        var random = new Random(2019);
        var sigma = DistributedNoise.SiteStandardDeviation(Z, Clip, Quorum);
        Assert.Equal(0.25, sigma, 15); // zC/√16

        var clipped = new float[Sites][];
        var encoded = new byte[Sites][];
        for (var s = 0; s < Sites; s++)
        {
            var update = Enumerable.Range(0, Weights).Select(_ => (float)((random.NextDouble() - 0.5) * 0.2)).ToArray(); // norm ≈ 3.65
            Assert.True(UpdateClipping.ClipL2(update, Clip) > Clip, "the update was meant to need clipping");
            clipped[s] = (float[])update.Clone();
            GaussianNoise.Add(update, sigma, random);
            encoded[s] = field.Encode(update, random);
        }

        using var run = new RoundRun(new RoundParameters(Guid.NewGuid(), Sites, RoundParameters.DefaultThreshold(Sites), FieldWidth.Bits16, Weights));
        var sum = field.Decode(run.Run(encoded, new Dictionary<int, DropsAfter> { [4] = DropsAfter.Shares, [9] = DropsAfter.Shares }), run.Survivors.Count);

        Assert.Equal(18, run.Survivors.Count);
        var errors = Enumerable.Range(0, Weights).Select(i => sum[i] - run.Survivors.Sum(s => (double)clipped[s][i])).ToArray();
        var noise = Z * Clip * Math.Sqrt(run.Survivors.Count / (double)Quorum); // 1.06: more survivors than the quorum, more noise
        var rounding = run.Survivors.Count * field.Scale; // under one step per site
        var mean = errors.Average();
        var deviation = Math.Sqrt(errors.Average(e => (e - mean) * (e - mean)));

        Assert.All(errors, e => Assert.InRange(Math.Abs(e), 0, (5.5 * noise) + rounding)); // P(|N| > 5.5σ) ≈ 4e-8 a weight
        Assert.InRange(mean, -5 * noise / Math.Sqrt(Weights), 5 * noise / Math.Sqrt(Weights));
        Assert.InRange(deviation, noise * 0.95, noise * 1.05); // the noise is there, and of the size the accountant was told
        Assert.True(deviation >= Z * Clip * 0.95, $"the sum's noise {deviation:F3} is under zC = {Z * Clip}");
    }
}
