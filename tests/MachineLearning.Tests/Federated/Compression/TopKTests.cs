using Platform.MachineLearning.Federated.Compression;

namespace Platform.MachineLearning.Tests.Federated.Compression;

public sealed class TopKTests
{
    [Fact]
    public void The_k_largest_magnitudes_are_kept_with_ascending_indices_and_the_rest_is_0_when_dense()
    {
        float[] update = [0.1f, -5f, 0.3f, 4f, -0.2f, 3f];
        var sparse = TopK.Sparsify(update, 3);

        Assert.Equal([1, 3, 5], sparse.Indices);
        Assert.Equal([-5f, 4f, 3f], sparse.Values);
        Assert.Equal([0f, -5f, 0f, 4f, 0f, 3f], sparse.ToDense());
    }

    [Fact]
    public void Ties_go_to_the_lower_index_so_the_same_update_always_keeps_the_same_weights()
    {
        float[] update = [1f, -2f, 2f, 1f, -2f];
        Assert.Equal([1, 2], TopK.Sparsify(update, 2).Indices);
        Assert.Equal([0, 1, 2, 4], TopK.Sparsify(update, 4).Indices);
    }

    [Fact]
    public void The_selection_matches_a_full_sort_on_a_large_update()
    {
        var random = new Random(8);
        var update = Enumerable.Range(0, 10_000).Select(_ => (float)Math.Round(random.NextDouble() * 200 - 100, 1)).ToArray();
        var expected = update.Select((v, i) => (Magnitude: Math.Abs(v), Index: i)).OrderByDescending(p => p.Magnitude).ThenBy(p => p.Index).Take(100).Select(p => p.Index).Order();

        Assert.Equal(expected, TopK.Sparsify(update, 100).Indices);
    }

    [Fact]
    public void K_of_0_keeps_nothing_and_k_of_all_keeps_everything_and_more_is_refused()
    {
        float[] update = [1f, 2f];
        Assert.Empty(TopK.Sparsify(update, 0).Indices);
        Assert.Equal(update, TopK.Sparsify(update, 2).ToDense());
        Assert.Throws<ArgumentOutOfRangeException>(() => TopK.Sparsify(update, 3));
        Assert.Throws<ArgumentException>(() => TopK.Sparsify([float.NaN], 1));
    }
}
