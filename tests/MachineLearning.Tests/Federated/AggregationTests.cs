using Platform.MachineLearning.Federated;

namespace Platform.MachineLearning.Tests.Federated;

/// <summary>Each strategy against a computation written out by hand for a few sites and weights.</summary>
public sealed class AggregationTests
{
    private static readonly SiteUpdate[] Three =
    [
        new([1f, 10f], 1),
        new([3f, 20f], 3),
        new([-5f, 90f], 4),
    ];

    [Fact]
    public void FedAvg_weighs_each_update_by_its_samples()
    {
        // (1·1 + 3·3 + 4·−5) / 8 = −10/8; (1·10 + 3·20 + 4·90) / 8 = 430/8
        Assert.Equal([-1.25f, 53.75f], Aggregation.FedAvg(Three));
    }

    [Fact]
    public void The_median_takes_the_middle_value_of_each_weight_and_the_mean_of_the_two_middle_ones_for_an_even_count()
    {
        Assert.Equal([1f, 20f], Aggregation.Median(Three));
        Assert.Equal([2f, 15f], Aggregation.Median(Three[..2]));
    }

    [Fact]
    public void The_trimmed_mean_drops_the_lowest_and_highest_share_of_each_weight()
    {
        SiteUpdate[] five = [new([1f], 1), new([2f], 1), new([3f], 1), new([4f], 1), new([1000f], 1)];
        Assert.Equal([3f], Aggregation.TrimmedMean(five, 0.2)); // (2 + 3 + 4) / 3
        Assert.Equal([202f], Aggregation.TrimmedMean(five, 0)); // the plain mean
        Assert.Throws<ArgumentOutOfRangeException>(() => Aggregation.TrimmedMean(five, 0.5));
    }

    [Fact]
    public void Krum_picks_the_update_closest_to_its_neighbours_and_ignores_an_outlier()
    {
        SiteUpdate[] sites = [new([0f, 0f], 1), new([1f, 0f], 1), new([0f, 1f], 1), new([1f, 1f], 1), new([100f, 100f], 1)];
        // f = 1: each scores its n − f − 2 = 2 nearest. (0,0): 1 + 1 = 2; (1,0): 1 + 1 = 2; (0,1): 2; (1,1): 2; the outlier: far more.
        // Ties go to the first site.
        Assert.Equal([0f, 0f], Aggregation.Krum(sites, 1));
        Assert.Throws<ArgumentException>(() => Aggregation.Krum(sites[..4], 1));
    }

    [Fact]
    public void Updates_of_different_shapes_or_none_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Aggregation.FedAvg([new([1f], 1), new([1f, 2f], 1)]));
        Assert.Throws<ArgumentException>(() => Aggregation.Median([]));
    }

    [Fact]
    public void FedAdam_and_FedYogi_step_as_their_formulas_say()
    {
        var adam = new ServerOptimizer(ServerOptimizerKind.Adam, 1, learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.01);
        // m = 0.1·2 = 0.2; v = 0.99·1e-4 + 0.01·4 = 0.040099; x = 1 + 0.1·0.2 / (√0.040099 + 0.01)
        var expected = 1 + (0.1 * 0.2 / (Math.Sqrt(0.040099) + 0.01));
        Assert.Equal(expected, adam.Step([1f], [2f])[0], 5);

        var yogi = new ServerOptimizer(ServerOptimizerKind.Yogi, 1, learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.01);
        // v = 1e-4 − 0.01·4·sign(1e-4 − 4) = 1e-4 + 0.04 = 0.0401
        expected = 1 + (0.1 * 0.2 / (Math.Sqrt(0.0401) + 0.01));
        Assert.Equal(expected, yogi.Step([1f], [2f])[0], 5);
    }
}
