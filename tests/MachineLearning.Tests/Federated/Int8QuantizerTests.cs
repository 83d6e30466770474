using Platform.MachineLearning.Federated;

namespace Platform.MachineLearning.Tests.Federated;

public sealed class Int8QuantizerTests
{
    [Fact]
    public void The_largest_magnitude_maps_to_127_and_every_value_is_within_one_step()
    {
        float[] update = [0.5f, -1.27f, 0.01f, 0f, 1.0f];
        var quantized = Int8Quantizer.Quantize(update, new Random(7));

        Assert.Equal(0.01f, quantized.Scale, 6);
        Assert.Equal(-127, quantized.Values[1]);
        var back = quantized.Dequantize();
        Assert.All(update.Zip(back), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, quantized.Scale + 1e-6));
    }

    [Fact]
    public void Stochastic_rounding_is_unbiased_so_the_mean_of_many_quantisations_is_the_value()
    {
        float[] update = [1f, 0.333f];
        var random = new Random(11);
        var sum = 0.0;
        const int Trials = 20_000;
        for (var t = 0; t < Trials; t++)
        {
            sum += Int8Quantizer.Quantize(update, random).Dequantize()[1];
        }

        // 0.333 / (1/127) = 42.29 steps: rounded to 42 or 43; always rounding to nearest would give 42 steps, 0.3307.
        Assert.Equal(0.333, sum / Trials, 3);
    }

    [Fact]
    public void A_non_finite_update_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Int8Quantizer.Quantize([1f, float.NaN], new Random(1)));
    }
}
