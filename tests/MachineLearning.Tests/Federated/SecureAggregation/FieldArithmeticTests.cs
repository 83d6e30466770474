using System.Security.Cryptography;
using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.SecureAggregation;

namespace Platform.MachineLearning.Tests.Federated.SecureAggregation;

/// <summary>The field's vectorised sum and chunked masks against element-by-element references, and the encodings' bounds.</summary>
public sealed class FieldArithmeticTests
{
    [Theory]
    [InlineData(FieldWidth.Bits16)]
    [InlineData(FieldWidth.Bits32)]
    public void The_vectorised_sum_wraps_like_element_by_element_arithmetic_at_every_length(FieldWidth width)
    {
        var random = new Random(6);
        foreach (var length in new[] { 0, 1, 7, 31, 32, 33, 1000, 8195 })
        {
            var (a, b) = (RandomBytes(random, width.BytesFor(length)), RandomBytes(random, width.BytesFor(length)));
            var (sum, difference) = ((byte[])a.Clone(), (byte[])a.Clone());
            FieldVector.Add(sum, b, width);
            FieldVector.Subtract(difference, b, width);

            for (var i = 0; i < length; i++)
            {
                var (x, y) = (Element(a, i, width), Element(b, i, width));
                var modulus = 1UL << (int)width;
                Assert.Equal((x + y) % modulus, Element(sum, i, width));
                Assert.Equal((x + modulus - y) % modulus, Element(difference, i, width));
            }
        }
    }

    [Fact]
    public void Masks_applied_in_chunks_are_the_keystream_the_uint_path_uses_read_at_either_width()
    {
        var seed = RandomNumberGenerator.GetBytes(MaskStream.SeedLength);
        const int Length = 20_003; // several 16 KiB chunks and a ragged end
        var expected = MaskStream.Expand(seed, Length);

        var wide = new byte[FieldWidth.Bits32.BytesFor(Length)];
        MaskStream.Apply(seed, wide, FieldWidth.Bits32, 1);
        Assert.Equal(expected, Enumerable.Range(0, Length).Select(i => BitConverter.ToUInt32(wide, i * 4)));

        var narrow = new byte[FieldWidth.Bits16.BytesFor(Length)];
        MaskStream.Apply(seed, narrow, FieldWidth.Bits16, 1);
        var keystream = new byte[narrow.Length];
        MaskStream.Fill(seed, keystream);
        Assert.Equal(keystream, narrow);
        Assert.Equal(wide.AsSpan(0, narrow.Length).ToArray(), narrow); // the same bytes: a 16-bit mask is half a 32-bit one

        MaskStream.Apply(seed, narrow, FieldWidth.Bits16, -1);
        Assert.All(narrow, b => Assert.Equal(0, b));
    }

    [Fact]
    public void The_byte_masking_matches_the_uint_masking_in_32_bits()
    {
        var (self, pair) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var encoded = FixedPoint.Encode([0.5f, -0.25f, 3f, 1e-3f, -7f], clip: 8f);
        var numbers = Masking.Mask(encoded, 1, self, new Dictionary<int, byte[]> { [4] = pair });
        var bytes = Masking.Mask(encoded.SelectMany(BitConverter.GetBytes).ToArray(), FieldWidth.Bits32, 1, self, new Dictionary<int, byte[]> { [4] = pair });

        Assert.Equal(numbers, Enumerable.Range(0, 5).Select(i => BitConverter.ToUInt32(bytes, i * 4)));
    }

    [Fact]
    public void An_int8_field_sums_258_sites_at_the_extremes_exactly_and_refuses_259()
    {
        var field = FieldEncoding.Int8(1f);
        Assert.Equal(258, field.MaxSites);
        var sum = new byte[4];
        var (top, bottom) = (field.Encode(new QuantizedUpdate([127, -127], field.QuantizerScale)), field.Encode(new QuantizedUpdate([-127, 127], field.QuantizerScale)));
        for (var site = 0; site < 258; site++)
        {
            FieldVector.Add(sum, site % 3 == 0 ? bottom : top, FieldWidth.Bits16);
        }

        var (tops, bottoms) = (258 - 86, 86); // sites 0, 3, …, 255 sent the bottom vector
        Assert.Equal([(float)(((tops - bottoms) * 127) * field.Scale), (float)(((bottoms - tops) * 127) * field.Scale)], field.Decode(sum, 258));
        var all = new byte[2];
        for (var site = 0; site < 258; site++)
        {
            FieldVector.Add(all, field.Encode(new QuantizedUpdate([127], field.QuantizerScale)), FieldWidth.Bits16);
        }

        Assert.Equal((float)(32_766 * field.Scale), field.Decode(all, 258)[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => field.Decode(all, 259));
    }

    [Fact]
    public void Fixed_point_fits_as_many_sites_as_the_clip_leaves_room_for_in_31_bits()
    {
        Assert.Equal(32_767, FieldEncoding.FixedPoint32(1f).MaxSites);
        Assert.Equal(327, FieldEncoding.FixedPoint32(100f).MaxSites); // n · clip · 2^16 ≤ 2^31 − 1; ADR-009 reads it the other way: 100 sites, a clip under 327
    }

    [Fact]
    public void Both_encodings_round_stochastically_so_the_mean_of_many_is_the_value()
    {
        foreach (var field in new[] { FieldEncoding.Int8(1f), FieldEncoding.FixedPoint32(1f) })
        {
            var random = new Random(12);
            var value = (float)(0.3 * field.Scale); // a third of the way to the next unit
            var sum = new byte[field.Width.BytesPerElement()];
            const int Sites = 200;
            for (var s = 0; s < Sites; s++)
            {
                FieldVector.Add(sum, field.Encode([value], random), field.Width);
            }

            Assert.InRange(field.Decode(sum, Sites)[0] / Sites / field.Scale, 0.2, 0.4);
        }
    }

    [Fact]
    public void An_int8_update_at_another_scale_is_refused_by_the_rounds_field()
    {
        var field = FieldEncoding.Int8(1f);
        Assert.Throws<ArgumentException>(() => field.Encode(Int8Quantizer.Quantize([0.5f, 0.1f], new Random(1))));
        Assert.Throws<ArgumentException>(() => field.Encode([float.NaN], new Random(1)));
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static ulong Element(byte[] vector, int i, FieldWidth width) =>
        width == FieldWidth.Bits16 ? BitConverter.ToUInt16(vector, i * 2) : BitConverter.ToUInt32(vector, i * 4);
}
