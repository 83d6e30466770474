namespace Platform.MachineLearning.Federated;

/// <summary>An update quantised to 8 bits: one signed byte per weight and one scale for the tensor (value ≈ byte × scale).</summary>
public sealed record QuantizedUpdate(sbyte[] Values, float Scale)
{
    public float[] Dequantize() => Array.ConvertAll(Values, v => v * Scale);
}

/// <summary>
/// 8-bit quantisation with a per-tensor scale (the largest magnitude maps to 127) and stochastic rounding: each value
/// rounds up with the probability of its fraction, so the quantised update is unbiased (its expectation is the update)
/// and averaging many sites' updates cancels the rounding error.
/// </summary>
public static class Int8Quantizer
{
    public static QuantizedUpdate Quantize(ReadOnlySpan<float> values, Random random)
    {
        var largest = 0f;
        foreach (var v in values)
        {
            largest = float.IsFinite(v) ? Math.Max(largest, Math.Abs(v)) : throw new ArgumentException("An update must hold finite numbers only.", nameof(values));
        }

        var scale = largest == 0 ? 1f : largest / 127f;
        var quantized = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var exact = values[i] / scale;
            var floor = Math.Floor(exact);
            var rounded = floor + (random.NextDouble() < exact - floor ? 1 : 0);
            quantized[i] = (sbyte)Math.Clamp(rounded, -127, 127);
        }

        return new QuantizedUpdate(quantized, scale);
    }
}
