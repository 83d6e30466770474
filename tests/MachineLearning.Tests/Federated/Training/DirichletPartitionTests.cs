using Platform.MachineLearning.Federated.Training;

namespace Platform.MachineLearning.Tests.Federated.Training;

public sealed class DirichletPartitionTests
{
    private static int[] Labels => FederatedSamples.Digits.Train.Labels;

    [Theory]
    [InlineData(0.5)]
    [InlineData(1000)]
    public void Every_row_goes_to_exactly_one_site(double alpha)
    {
        var split = DirichletPartition.Split(Labels, 20, alpha, 1);

        Assert.Equal(20, split.Length);
        Assert.Equal(Enumerable.Range(0, Labels.Length), split.SelectMany(site => site).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        Assert.Equal(DirichletPartition.Split(Labels, 20, 0.5, 1), DirichletPartition.Split(Labels, 20, 0.5, 1));
        Assert.NotEqual(DirichletPartition.Split(Labels, 20, 0.5, 1), DirichletPartition.Split(Labels, 20, 0.5, 2));
    }

    [Fact]
    public void A_small_alpha_skews_each_sites_label_mix_and_a_large_one_is_no_more_skewed_than_an_iid_split()
    {
        var random = new Random(5);
        var shuffled = Enumerable.Range(0, Labels.Length).OrderBy(_ => random.Next()).ToArray();
        var iid = Enumerable.Range(0, 20).Select(s => shuffled.Where((_, i) => i % 20 == s).ToArray()).ToArray();

        var (skewed, near, baseline) = (MaxClassShare(DirichletPartition.Split(Labels, 20, 0.5, 1)), MaxClassShare(DirichletPartition.Split(Labels, 20, 1000, 1)), MaxClassShare(iid));

        Assert.True(skewed > 2 * baseline, $"The mean largest class share per site is {skewed} at α = 0.5, {baseline} for an IID split.");
        // α → ∞ gives every site each class's share of the rows: stratified, so even less skewed than a random IID split.
        Assert.True(near <= baseline, $"The mean largest class share per site is {near} at α = 1000, {baseline} for an IID split.");
    }

    [Fact]
    public void Every_site_gets_at_least_two_rows_even_when_alpha_is_tiny()
    {
        var split = DirichletPartition.Split([.. Enumerable.Range(0, 200).Select(i => i % 10)], 50, 0.01, 3);

        Assert.All(split, site => Assert.True(site.Length >= DirichletPartition.MinRowsPerSite, $"A site has {site.Length} rows."));
        Assert.Equal(200, split.Sum(site => site.Length));
    }

    [Fact]
    public void Too_few_rows_for_the_sites_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DirichletPartition.Split([0, 1, 0], 2, 0.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DirichletPartition.Split(Labels, 20, 0, 1));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Gamma_variates_have_the_shapes_mean_and_variance(double shape)
    {
        var random = new Random(17);
        var samples = Enumerable.Range(0, 40_000).Select(_ => Math.Exp(GammaSampler.LogSample(random, shape))).ToArray();
        var mean = samples.Average();
        var variance = samples.Average(x => (x - mean) * (x - mean));

        // Gamma(k, 1): mean k, variance k. 40,000 draws: the mean's standard error is √(k / 40,000) ≤ 0.01.
        Assert.InRange(mean, shape * 0.95, shape * 1.05);
        Assert.InRange(variance, shape * 0.9, shape * 1.1);
    }

    private static double MaxClassShare(int[][] split) =>
        split.Average(site => site.GroupBy(row => Labels[row]).Max(g => g.Count()) / (double)site.Length);
}
