using System.Buffers.Binary;

namespace Platform.MachineLearning.Federated.SecureAggregation;

/// <summary>
/// How a round's updates enter the field and how the unmasked sum leaves it (docs/decisions/ADR-009). Both round
/// stochastically, so a site's encoded update is unbiased and the rounding of many sites cancels in the sum.
/// <list type="bullet">
/// <item><see cref="FixedPoint32"/>: each weight clamped to ±clip and scaled by 2^16 into Z/2^32 (4 bytes a weight). The sum
/// of n sites is exact while n · clip · 2^16 ≤ 2^31 − 1, so at most ⌊(2^31 − 1) / (clip · 2^16)⌋ sites (32,767 at clip 1).</item>
/// <item><see cref="Int8"/>: each weight quantised at the round's scale clip / 127 to an integer in [−127, 127] and held in
/// Z/2^16 (2 bytes a weight). The sum of n sites lies in [−127n, 127n], which a signed 16-bit number holds while
/// 127n ≤ 32,767: at most 258 sites (⌊32,767 / 127⌋; 258 · 127 = 32,766).</item>
/// </list>
/// A weight past the clip is clamped (biased); with L2 clipping that happens only where noise pushed it there.
/// </summary>
public sealed class FieldEncoding
{
    /// <summary>The most sites an int8 round sums in Z/2^16: ⌊32,767 / 127⌋.</summary>
    public const int Int8MaxSites = short.MaxValue / Int8Quantizer.Largest;

    private const double FixedPointScale = 1.0 / (1 << FixedPoint.FractionBits);

    private FieldEncoding(FieldWidth width, float clip, double scale, long largest)
    {
        (Width, Clip, Scale, Largest) = (width, clip, scale, largest);
        MaxSites = (int)Math.Min(int.MaxValue, (width == FieldWidth.Bits16 ? short.MaxValue : int.MaxValue) / largest);
    }

    public FieldWidth Width { get; }

    /// <summary>The largest magnitude one site's weight may have: the round's L2 clip.</summary>
    public float Clip { get; }

    /// <summary>The value of one unit of the field: 2^−16 in fixed point, clip / 127 for int8.</summary>
    public double Scale { get; }

    /// <summary>The largest magnitude of one site's element, in field units.</summary>
    public long Largest { get; }

    /// <summary>How many sites' elements can be summed without wrapping (see the class summary).</summary>
    public int MaxSites { get; }

    /// <summary>Float32 updates in fixed point (2^−16) in Z/2^32.</summary>
    public static FieldEncoding FixedPoint32(float clip) =>
        new(FieldWidth.Bits32, CheckClip(clip), FixedPointScale, (long)Math.Ceiling(CheckClip(clip) / FixedPointScale));

    /// <summary>Int8 updates at the round's scale clip / 127 in Z/2^16 (the scale a float, as the sites quantise with it, so the sum decodes at exactly their scale).</summary>
    public static FieldEncoding Int8(float clip) =>
        new(FieldWidth.Bits16, CheckClip(clip), CheckClip(clip) / (float)Int8Quantizer.Largest, Int8Quantizer.Largest);

    /// <summary>The round's int8 scale as a float, the one <see cref="Int8Quantizer.Quantize(ReadOnlySpan{float}, float, Random)"/> takes.</summary>
    public float QuantizerScale => (float)Scale;

    /// <summary>One site's update as a little-endian vector of the field, stochastically rounded with <paramref name="random"/>.</summary>
    public byte[] Encode(ReadOnlySpan<float> update, Random random)
    {
        if (Width == FieldWidth.Bits16)
        {
            return Encode(Int8Quantizer.Quantize(update, QuantizerScale, random));
        }

        var encoded = new byte[Width.BytesFor(update.Length)];
        for (var i = 0; i < update.Length; i++)
        {
            var value = float.IsFinite(update[i]) ? Math.Clamp(update[i] / Scale, -Largest, Largest) : throw new ArgumentException("An update must hold finite numbers only.", nameof(update));
            var floor = Math.Floor(value);
            var rounded = (long)floor + (random.NextDouble() < value - floor ? 1 : 0);
            BinaryPrimitives.WriteUInt32LittleEndian(encoded.AsSpan(i * 4), unchecked((uint)Math.Clamp(rounded, -Largest, Largest)));
        }

        return encoded;
    }

    /// <summary>An int8 update already quantised at this round's scale, into Z/2^16.</summary>
    public byte[] Encode(QuantizedUpdate update)
    {
        if (Width != FieldWidth.Bits16 || update.Scale != QuantizerScale)
        {
            throw new ArgumentException($"Only an int8 update at the round's scale {QuantizerScale} goes into this field ({Width}); this one's scale is {update.Scale}.", nameof(update));
        }

        var encoded = new byte[Width.BytesFor(update.Values.Length)];
        for (var i = 0; i < update.Values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(encoded.AsSpan(i * 2), Math.Clamp(update.Values[i], (sbyte)-Int8Quantizer.Largest, (sbyte)Int8Quantizer.Largest));
        }

        return encoded;
    }

    /// <summary>The unmasked sum of <paramref name="sites"/> sites' vectors back to numbers; refuses more sites than the field holds.</summary>
    public float[] Decode(ReadOnlySpan<byte> sum, int sites)
    {
        CheckSites(sites);
        var size = Width.BytesPerElement();
        if (sum.Length % size != 0)
        {
            throw new ArgumentException($"A vector of {Width} is a whole number of {size}-byte elements, not {sum.Length} bytes.", nameof(sum));
        }

        var decoded = new float[sum.Length / size];
        for (var i = 0; i < decoded.Length; i++)
        {
            long units = size == 2 ? BinaryPrimitives.ReadInt16LittleEndian(sum[(i * 2)..]) : BinaryPrimitives.ReadInt32LittleEndian(sum[(i * 4)..]);
            decoded[i] = (float)(units * Scale);
        }

        return decoded;
    }

    /// <summary>Refuses a round of more sites than the field can sum without wrapping.</summary>
    public void CheckSites(int sites)
    {
        if (sites < 1 || sites > MaxSites)
        {
            throw new ArgumentOutOfRangeException(nameof(sites), sites, $"This field ({Width}, clip {Clip}) sums 1 to {MaxSites} sites without wrapping.");
        }
    }

    private static float CheckClip(float clip) =>
        float.IsFinite(clip) && clip > 0 && clip / FixedPointScale <= int.MaxValue
            ? clip
            : throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clip is positive, finite and under 32,768.");
}
