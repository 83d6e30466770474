using Platform.MachineLearning.Evaluation;

namespace Platform.MachineLearning.Tests.Evaluation;

public sealed class PercentileTests
{
    [Fact]
    public void Interpolates_between_the_closest_ranks()
    {
        double[] values = [4, 1, 3, 2];

        Assert.Equal(2.5, Percentile.Of(values, 50), 12);
        Assert.Equal(3.97, Percentile.Of(values, 99), 12);
        Assert.Equal(1, Percentile.Of(values, 0));
    }
}
