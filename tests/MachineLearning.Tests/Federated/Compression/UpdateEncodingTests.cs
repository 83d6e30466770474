using System.Buffers.Binary;
using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Compression;

namespace Platform.MachineLearning.Tests.Federated.Compression;

/// <summary>Each format round-trips at its documented size; the decoder refuses every malformed input with <see cref="InvalidUpdateException"/> and a reason.</summary>
public sealed class UpdateEncodingTests
{
    private const int Weights = 1000;
    private static readonly float[] Update = [.. Enumerable.Range(0, Weights).Select(i => MathF.Sin(i) * (i % 7))];

    [Fact]
    public void Float32_round_trips_exactly_in_6_plus_4n_bytes()
    {
        var bytes = UpdateEncoding.Encode(Update);
        Assert.Equal(6 + (4 * Weights), bytes.Length);
        Assert.Equal(UpdateEncoding.SizeOf(UpdateFormat.Float32, Weights), bytes.Length);
        Assert.Equal(Update, UpdateEncoding.Decode(bytes, Weights));
    }

    [Fact]
    public void Int8_round_trips_its_quantised_values_in_10_plus_n_bytes()
    {
        var quantized = Int8Quantizer.Quantize(Update, new Random(1));
        var bytes = UpdateEncoding.Encode(quantized);
        Assert.Equal(10 + Weights, bytes.Length);
        Assert.Equal(quantized.Dequantize(), UpdateEncoding.Decode(bytes, Weights));
    }

    [Fact]
    public void Top_k_round_trips_in_10_plus_8k_bytes_with_float32_and_14_plus_5k_with_int8()
    {
        var sparse = TopK.Sparsify(Update, 50);
        var bytes = UpdateEncoding.Encode(sparse);
        Assert.Equal(10 + (8 * 50), bytes.Length);
        Assert.Equal(sparse.ToDense(), UpdateEncoding.Decode(bytes, Weights));

        var quantized = sparse.Quantize(new Random(2));
        var small = UpdateEncoding.Encode(quantized);
        Assert.Equal(14 + (5 * 50), small.Length);
        Assert.Equal(UpdateEncoding.SizeOf(UpdateFormat.TopKInt8, Weights, 50), small.Length);
        Assert.Equal(quantized.ToDense(), UpdateEncoding.Decode(small, Weights));
    }

    [Fact]
    public void The_same_update_is_always_the_same_bytes()
    {
        Assert.Equal(UpdateEncoding.Encode(TopK.Sparsify(Update, 10)), UpdateEncoding.Encode(TopK.Sparsify(Update, 10)));
    }

    [Fact]
    public void A_model_of_another_size_is_refused_by_its_weights()
    {
        var refused = Assert.Throws<InvalidUpdateException>(() => UpdateEncoding.Decode(UpdateEncoding.Encode(Update), Weights + 1));
        Assert.Equal($"The update has {Weights} weights; the model has {Weights + 1}.", refused.Message);
    }

    [Theory]
    [InlineData(0, "truncated")]
    [InlineData(5, "truncated")]
    [InlineData(9, "truncated")]
    [InlineData(400, "truncated")]
    public void Truncated_bytes_are_refused(int keep, string reason)
    {
        var bytes = UpdateEncoding.Encode(TopK.Sparsify(Update, 50).Quantize(new Random(3)));
        Assert.Contains(reason, Assert.Throws<InvalidUpdateException>(() => UpdateEncoding.Decode(bytes.AsSpan(0, Math.Min(keep, bytes.Length - 1)), Weights)).Message);
    }

    [Fact]
    public void Bytes_after_the_end_an_unknown_version_and_an_unknown_format_are_refused()
    {
        var bytes = UpdateEncoding.Encode(Update);
        Assert.Contains("after its end", Refused([.. bytes, 0]));
        Assert.Contains("version is 2", Refused([2, .. bytes[1..]]));
        Assert.Contains("format 9", Refused([1, 9, .. bytes[2..]]));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_non_finite_value_is_refused_dense_or_sparse(float value)
    {
        var dense = UpdateEncoding.Encode(Update);
        BinaryPrimitives.WriteSingleLittleEndian(dense.AsSpan(6 + (4 * 17)), value);
        Assert.Contains("Weight 17", Refused(dense));

        var sparse = UpdateEncoding.Encode(new SparseUpdate(Weights, [3, 900], [1f, 2f]));
        BinaryPrimitives.WriteSingleLittleEndian(sparse.AsSpan(10 + 8 + 4), value);
        Assert.Contains("Weight 900", Refused(sparse));
    }

    [Fact]
    public void An_index_out_of_range_repeated_or_out_of_order_is_refused()
    {
        Assert.Contains("index 1000", Refused(Sparse(5, 1000)));
        Assert.Contains("Index 5 is repeated", Refused(Sparse(5, 5)));
        Assert.Contains("strictly ascending", Refused(Sparse(7, 5)));
        Assert.Contains("keeps 1001 weights", Refused([.. UpdateEncoding.Encode(new SparseUpdate(Weights, [], []))[..6], .. BitConverter.GetBytes(1001u)]));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.MaxValue)] // 127 × it overflows
    public void A_bad_int8_scale_is_refused(float scale)
    {
        var bytes = UpdateEncoding.Encode(Int8Quantizer.Quantize(Update, new Random(1)));
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(6), scale);
        Assert.Contains("scale", Refused(bytes));
    }

    [Fact]
    public void The_int8_value_minus_128_is_refused()
    {
        var bytes = UpdateEncoding.Encode(Int8Quantizer.Quantize(Update, new Random(1)));
        bytes[10 + 3] = 0x80;
        Assert.Contains("Weight 3 is the int8 value −128", Refused(bytes));
    }

    private static byte[] Sparse(int first, int second)
    {
        var bytes = UpdateEncoding.Encode(new SparseUpdate(Weights, [1, 2], [1f, 2f]));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(10), (uint)first);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), (uint)second);
        return bytes;
    }

    private static string Refused(byte[] bytes) => Assert.Throws<InvalidUpdateException>(() => UpdateEncoding.Decode(bytes, Weights)).Message;
}
