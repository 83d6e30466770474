using Platform.MachineLearning.Evaluation.Metrics;

namespace Platform.MachineLearning.Tests.Evaluation.Metrics;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Computes_rmse_mae_and_r_squared_as_worked_by_hand()
    {
        // Errors 0, 0, -1: SS_res = 1, SS_tot = 1 + 0 + 1 = 2.
        var metrics = RegressionMetricsCalculator.Compute([1, 2, 3], [1, 2, 4]);

        Assert.Equal(Math.Sqrt(1 / 3.0), metrics.Rmse, 12);
        Assert.Equal(1 / 3.0, metrics.Mae, 12);
        Assert.Equal(0.5, metrics.RSquared, 12);
    }

    [Fact]
    public void R_squared_is_negative_for_predictions_worse_than_the_mean()
    {
        var metrics = RegressionMetricsCalculator.Compute([1, 2, 3], [3, 2, 1]);

        Assert.Equal(1 - (8 / 2.0), metrics.RSquared, 12);
    }

    [Fact]
    public void R_squared_of_a_constant_target_is_one_when_every_prediction_is_exact()
    {
        Assert.Equal(1, RegressionMetricsCalculator.Compute([0.1, 0.1, 0.1], [0.1, 0.1, 0.1]).RSquared);
    }

    [Fact]
    public void R_squared_of_a_constant_target_is_zero_when_any_prediction_misses()
    {
        var metrics = RegressionMetricsCalculator.Compute([0.1, 0.1, 0.1], [0.1, 0.1, 0.4]);

        Assert.Equal(0, metrics.RSquared);
        Assert.Equal(0.1, metrics.Mae, 12);
    }
}
