namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>
/// Regression quality: root mean squared error, mean absolute error and R² = 1 − SS_res / SS_tot.
/// For a constant target (SS_tot = 0) R² is defined as 1 when every prediction is exact and 0
/// otherwise, so that it is always finite (the convention scikit-learn also uses).
/// </summary>
public sealed record RegressionMetrics(int RowCount, double Rmse, double Mae, double RSquared);
