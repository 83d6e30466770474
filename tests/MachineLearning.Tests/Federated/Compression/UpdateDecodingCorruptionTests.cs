using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Compression;

namespace Platform.MachineLearning.Tests.Federated.Compression;

/// <summary>The decoder on bytes corrupted at random: it is the server's door for untrusted uploads, so nothing but an update or an <see cref="InvalidUpdateException"/> may come out.</summary>
public sealed class UpdateDecodingCorruptionTests
{
    private const int Weights = 1000;
    private static readonly float[] Update = [.. Enumerable.Range(0, Weights).Select(i => MathF.Sin(i) * (i % 7))];

    [Fact]
    public void Random_corruption_of_every_format_only_ever_gives_an_update_or_an_invalid_update_exception()
    {
        var random = new Random(99);
        byte[][] valid =
        [
            UpdateEncoding.Encode(Update),
            UpdateEncoding.Encode(Int8Quantizer.Quantize(Update, random)),
            UpdateEncoding.Encode(TopK.Sparsify(Update, 40)),
            UpdateEncoding.Encode(TopK.Sparsify(Update, 40).Quantize(random)),
        ];
        for (var trial = 0; trial < 20_000; trial++)
        {
            var bytes = (byte[])valid[trial % valid.Length].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(Math.Min(bytes.Length, 32))] = (byte)random.Next(256); // mostly the header, where lengths live
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var cut = random.Next(4) == 0 ? random.Next(bytes.Length) : bytes.Length;
            var thrown = Record.Exception(() => UpdateEncoding.Decode(bytes.AsSpan(0, cut), Weights));
            Assert.True(thrown is null or InvalidUpdateException, $"trial {trial}: {thrown}");
        }
    }
}
