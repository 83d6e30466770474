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
    /// <summary>The largest magnitude a quantised value takes: −128 is never used, so the range is symmetric.</summary>
    public const int Largest = 127;

    public static QuantizedUpdate Quantize(ReadOnlySpan<float> values, Random random)
    {
        var largest = 0f;
        foreach (var v in values)
        {
            largest = float.IsFinite(v) ? Math.Max(largest, Math.Abs(v)) : throw new ArgumentException("An update must hold finite numbers only.", nameof(values));
        }

        return Quantize(values, largest == 0 ? 1f : largest / Largest, random);
    }

    /// <summary>
    /// Quantises at a scale fixed beforehand: under secure aggregation the round's (clip / 127, docs/decisions/ADR-009),
    /// so every site's bytes mean the same and add up in the field. A value past ±127 steps is clamped there, which
    /// biases it; with the round's scale that happens only where noise pushed a weight past the clip.
    /// </summary>
    public static QuantizedUpdate Quantize(ReadOnlySpan<float> values, float scale, Random random)
    {
        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale is a positive finite number.");
        }

        var quantized = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var exact = float.IsFinite(values[i]) ? values[i] / (double)scale : throw new ArgumentException("An update must hold finite numbers only.", nameof(values));
            var floor = Math.Floor(exact);
            var rounded = floor + (random.NextDouble() < exact - floor ? 1 : 0);
            quantized[i] = (sbyte)Math.Clamp(rounded, -Largest, Largest);
        }

        return new QuantizedUpdate(quantized, scale);
    }
}
