using Platform.MachineLearning.Evaluation.Metrics;

namespace Platform.MachineLearning.Tests.Evaluation.Metrics;

public sealed class RocAucTests
{
    [Fact]
    public void Counts_the_fraction_of_positive_negative_pairs_ranked_correctly()
    {
        // Pairs (pos, neg): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes -> 3/4.
        var auc = RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        Assert.Equal(0.75, auc);
    }

    [Fact]
    public void Counts_a_tie_between_a_positive_and_a_negative_as_one_half()
    {
        // Pairs: 0.5 vs 0.2 -> 1, 0.5 vs 0.5 -> 1/2, 0.9 vs 0.2 -> 1, 0.9 vs 0.5 -> 1: 3.5 / 4.
        var auc = RocAuc.Compute([0.2, 0.5, 0.5, 0.9], [false, false, true, true]);

        Assert.Equal(0.875, auc);
    }

    [Fact]
    public void Gives_one_half_when_every_score_is_the_same()
    {
        Assert.Equal(0.5, RocAuc.Compute([0.3, 0.3, 0.3, 0.3, 0.3], [true, false, false, true, false]));
    }

    [Fact]
    public void Gives_zero_for_a_perfectly_reversed_ranking()
    {
        Assert.Equal(0.0, RocAuc.Compute([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
    }

    [Fact]
    public void Is_undefined_when_only_one_class_is_present()
    {
        Assert.Null(RocAuc.Compute([0.1, 0.9], [true, true]));
    }
}
