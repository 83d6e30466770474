using Platform.MachineLearning.Federated.Training;

namespace Platform.MachineLearning.Tests.Federated.Training;

public sealed class FeatureScalingTests
{
    [Fact]
    public void Merging_the_sites_summaries_gives_the_scaling_of_all_their_rows_together()
    {
        float[][][] sites =
        [
            [[1, 10, 5], [float.NaN, 20, 5], [3, float.NaN, 5]],
            [[-4, 30, 5], [2, 40, 5]],
            [[float.NaN, 15, 5], [8, 25, 5], [0, 35, 5], [1.5f, float.NaN, 5]],
        ];
        var all = sites.SelectMany(site => site).ToArray();

        var merged = FeatureScaling.Merge([.. sites.Select(site => (IReadOnlyList<ColumnSummary>)ColumnSummary.OfRows(site, 3))]);

        for (var f = 0; f < 3; f++)
        {
            var present = all.Select(row => row[f]).Where(v => !float.IsNaN(v)).ToArray();
            var (min, max) = (present.Min(), present.Max());
            Assert.Equal(present.Average(v => (double)v), merged.ImputationMeans[f], 5);
            Assert.Equal(min, merged.Offset[f]);
            Assert.Equal(max == min ? 1f : 1f / (max - min), merged.Scale[f], 6);
        }
    }

    [Fact]
    public void Scaling_imputes_a_missing_value_with_the_mean_then_maps_min_to_0_and_max_to_1()
    {
        var scaling = FeatureScaling.FromColumnSummaries(ColumnSummary.OfRows([[2, 7], [6, 7], [float.NaN, 7]], 2));

        Assert.Equal([0f, 0f], scaling.Apply([2, 7]));
        Assert.Equal([1f, 0f], scaling.Apply([6, 7]));
        Assert.Equal([0.5f, 2f], scaling.Apply([float.NaN, 9])); // mean 4; a constant column keeps scale 1
    }

    [Fact]
    public void A_column_missing_everywhere_imputes_zero_and_is_left_as_it_is()
    {
        var scaling = FeatureScaling.Merge([ColumnSummary.OfRows([[float.NaN], [float.NaN]], 1), ColumnSummary.OfRows([[float.NaN]], 1)]);

        Assert.Equal((0f, 0f, 1f), (scaling.ImputationMeans[0], scaling.Offset[0], scaling.Scale[0]));
    }

    [Fact]
    public void Sites_that_summarise_different_columns_or_impossible_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FeatureScaling.Merge([ColumnSummary.OfRows([[1, 2]], 2), ColumnSummary.OfRows([[1]], 1)]));
        Assert.Throws<ArgumentException>(() => FeatureScaling.FromColumnSummaries([new ColumnSummary(3, 4, 0, 1, 0.5)]));
        Assert.Throws<ArgumentException>(() => FeatureScaling.FromColumnSummaries([new ColumnSummary(3, 0, 2, 1, 1.5)]));
    }
}
