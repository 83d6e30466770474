namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// Updates in Z/2^32, where masks add and cancel (docs/decisions/ADR-009): each weight clipped to ±<c>clip</c> and
/// scaled by 2^<see cref="FractionBits"/>, in two's complement. The sum of n sites stays exact while n·clip·2^16 is
/// under 2^31 (for 100 sites, a clip under 327).
/// </summary>
public static class FixedPoint
{
    public const int FractionBits = 16;
    private const double Scale = 1 << FractionBits;

    public static uint[] Encode(ReadOnlySpan<float> values, float clip)
    {
        var encoded = new uint[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = float.IsFinite(values[i]) ? Math.Clamp(values[i], -clip, clip) : throw new ArgumentException("An update must hold finite numbers only.", nameof(values));
            encoded[i] = unchecked((uint)(int)Math.Round(value * Scale));
        }

        return encoded;
    }

    /// <summary>A sum of encoded updates (wrapped in Z/2^32) back to numbers.</summary>
    public static float[] Decode(ReadOnlySpan<uint> sum)
    {
        var decoded = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            decoded[i] = (float)(unchecked((int)sum[i]) / Scale);
        }

        return decoded;
    }

    /// <summary>Adds <paramref name="values"/> into <paramref name="sum"/> (mod 2^32), times <paramref name="sign"/> (+1 or −1).</summary>
    public static void Add(Span<uint> sum, ReadOnlySpan<uint> values, int sign = 1)
    {
        if (sum.Length != values.Length)
        {
            throw new ArgumentException($"Both vectors must have the same length ({sum.Length} and {values.Length}).", nameof(values));
        }

        FieldVector.Numbers(sum, values, subtract: sign < 0);
    }
}
