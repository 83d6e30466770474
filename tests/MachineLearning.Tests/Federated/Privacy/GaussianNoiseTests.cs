using Platform.MachineLearning.Federated.Privacy;

namespace Platform.MachineLearning.Tests.Federated.Privacy;

public sealed class GaussianNoiseTests
{
    private const int Samples = 200_001; // odd, so the last Box–Muller pair is used by half

    [Fact]
    public void Seeded_noise_has_the_asked_for_standard_deviation_and_a_gaussian_shape_and_repeats()
    {
        var values = new float[Samples];
        GaussianNoise.Add(values, 2.5, new Random(42));
        AssertGaussian(values, 2.5);

        var again = new float[Samples];
        GaussianNoise.Add(again, 2.5, new Random(42));
        Assert.Equal(values, again);
    }

    [Fact]
    public void Cryptographic_noise_has_the_same_distribution()
    {
        var values = new float[Samples];
        GaussianNoise.Add(values, 0.3);
        AssertGaussian(values, 0.3);
    }

    [Fact]
    public void Noise_is_added_to_the_values_and_a_standard_deviation_of_0_adds_nothing()
    {
        var values = Enumerable.Repeat(10f, Samples).ToArray();
        GaussianNoise.Add(values, 1.0, new Random(1));
        Assert.Equal(10.0, values.Average(v => (double)v), 1);

        float[] kept = [1f, 2f];
        GaussianNoise.Add(kept, 0, new Random(1));
        Assert.Equal([1f, 2f], kept);
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianNoise.Add(kept, -1, new Random(1)));
    }

    private static void AssertGaussian(float[] values, double sigma)
    {
        var mean = values.Average(v => (double)v);
        var variance = values.Average(v => (v - mean) * (v - mean));
        var kurtosis = values.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        var withinOne = values.Count(v => Math.Abs(v - mean) <= sigma) / (double)values.Length;

        Assert.InRange(mean, -5 * sigma / Math.Sqrt(Samples), 5 * sigma / Math.Sqrt(Samples));
        Assert.InRange(Math.Sqrt(variance), sigma * 0.99, sigma * 1.01);
        Assert.InRange(kurtosis, 2.95, 3.05); // a normal's is 3; a uniform's 1.8, a Laplace's 6
        Assert.InRange(withinOne, 0.6827 - 0.005, 0.6827 + 0.005);
    }
}
