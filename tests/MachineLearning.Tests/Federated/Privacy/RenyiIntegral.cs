namespace Platform.MachineLearning.Tests.Federated.Privacy;

/// <summary>
/// A slow, independent RDP of the sampled Gaussian mechanism for the tests: not the binomial expansion but the
/// definition, A_α = ∫ μ₀(x) (μ(x)/μ₀(x))^α dx with μ₀ = N(0, σ²) and μ = (1 − q)·N(0, σ²) + q·N(1, σ²), integrated by the
/// trapezoid rule in log space on a grid fine enough (σ/40) and wide enough (the integrand is a mixture of Gaussians
/// centred at 0 … α) that it converges far past the tests' tolerance.
/// </summary>
internal static class RenyiIntegral
{
    public static double Rdp(int order, double q, double sigma)
    {
        var (from, to, step) = (-30 * sigma - 1, order + (30 * sigma) + 1, sigma / 40);
        var (logNotQ, logQ) = (Math.Log(1 - q), Math.Log(q));
        var points = (int)Math.Ceiling((to - from) / step);
        var logs = new double[points + 1];
        for (var i = 0; i <= points; i++)
        {
            var x = from + (i * step);
            var logDensity = (-x * x / (2 * sigma * sigma)) - Math.Log(sigma * Math.Sqrt(2 * Math.PI));
            var logRatio = LogAdd(logNotQ, logQ + ((2 * x) - 1) / (2 * sigma * sigma));
            logs[i] = logDensity + (order * logRatio) + (i == 0 || i == points ? Math.Log(0.5) : 0);
        }

        var largest = logs.Max();
        var logA = largest + Math.Log(logs.Sum(l => Math.Exp(l - largest))) + Math.Log(step);
        return logA / (order - 1);
    }

    private static double LogAdd(double a, double b) => Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));
}
