using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Monitoring;

namespace Platform.MachineLearning.Tests.Monitoring;

/// <summary>PSI and KS against a quantile-bin baseline, on values worked out by hand.</summary>
public sealed class DriftStatisticsTests
{
    private static readonly double[] TwoBins = [0, 1, 2];
    private static readonly double[] TenUnitBins = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly long[] TenEvenCounts = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10];

    [Fact]
    public void Psi_of_an_80_20_sample_against_a_50_50_baseline_is_0_4063()
    {
        var sample = Enumerable.Repeat(0.5, 80).Concat(Enumerable.Repeat(1.5, 20));

        var psi = DriftStatistics.PopulationStabilityIndex(TwoBins, [50, 50], sample);

        // (80.5/101 − 50.5/101)·ln(80.5/50.5) + (20.5/101 − 50.5/101)·ln(20.5/50.5)
        Assert.Equal(0.406287, psi, 5);
    }

    [Fact]
    public void Psi_is_zero_when_the_sample_has_the_baselines_shares()
    {
        var sample = Enumerable.Repeat(0.2, 30).Concat(Enumerable.Repeat(1.7, 30));

        Assert.Equal(0, DriftStatistics.PopulationStabilityIndex(TwoBins, [50, 50], sample), 12);
    }

    [Fact]
    public void Psi_stays_finite_when_a_baseline_bin_is_empty()
    {
        var psi = DriftStatistics.PopulationStabilityIndex(TwoBins, [100, 0], Enumerable.Repeat(1.5, 10));

        Assert.InRange(psi, 7.92705, 7.92706);
    }

    [Fact]
    public void Psi_bins_values_outside_the_edges_into_the_end_bins_and_skips_missing_ones()
    {
        var outside = DriftStatistics.PopulationStabilityIndex(TwoBins, [50, 50], [-100, 100, double.NaN]);

        Assert.Equal(0, outside, 12);
    }

    [Fact]
    public void Ks_of_a_sample_spread_like_the_baseline_is_half_a_step()
    {
        var sample = Enumerable.Range(0, 10).Select(i => i + 0.5);

        Assert.Equal(0.05, DriftStatistics.KolmogorovSmirnov(TenUnitBins, TenEvenCounts, sample), 12);
    }

    [Fact]
    public void Ks_of_a_sample_in_the_upper_half_is_one_half()
    {
        Assert.Equal(0.5, DriftStatistics.KolmogorovSmirnov(TenUnitBins, TenEvenCounts, [5.0, 6, 7, 8, 9]), 12);
    }

    [Fact]
    public void Ks_of_a_sample_entirely_below_the_baseline_is_one()
    {
        Assert.Equal(1, DriftStatistics.KolmogorovSmirnov(TenUnitBins, TenEvenCounts, [-5.0, -4, -3]), 12);
    }

    [Fact]
    public void Ks_sees_the_step_where_quantile_edges_coincide()
    {
        // Half the training rows are 0, the rest spread over (0, 1]: edges 0, 0, 1; a sample with no zeros is more than half off.
        var training = Enumerable.Repeat(0.0, 51).Concat(Enumerable.Range(1, 50).Select(i => i / 50.0)).Order().ToArray();
        var edges = QuantileBins.Edges(training, 2);
        var counts = QuantileBins.Count(edges, training);
        var sample = Enumerable.Range(1, 50).Select(i => i / 50.0);

        Assert.Equal([0, 0, 1], edges);
        Assert.Equal(0.51, DriftStatistics.KolmogorovSmirnov(edges, counts, sample), 12); // just below 0.02, its smallest value: 0 vs 0.5 + 0.5 · 0.02
        Assert.InRange(DriftStatistics.KolmogorovSmirnov(edges, counts, training), 0, 0.02);
    }

    [Fact]
    public void A_baseline_whose_edges_do_not_match_its_bins_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DriftStatistics.PopulationStabilityIndex([0, 1], [5, 5], [0.5]));
        Assert.Throws<ArgumentException>(() => DriftStatistics.KolmogorovSmirnov([1, 0, 2], [5, 5], [0.5]));
    }
}
