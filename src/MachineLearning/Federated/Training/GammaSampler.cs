namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// Gamma(shape, 1) variates by Marsaglia and Tsang (2000), drawn from a caller's seeded <see cref="Random"/>. A shape
/// under 1 uses their boost, Gamma(a) = Gamma(a + 1) · U^(1/a), taken in logs so a tiny shape does not underflow to 0.
/// </summary>
internal static class GammaSampler
{
    /// <summary>The natural log of a Gamma(<paramref name="shape"/>, 1) variate.</summary>
    public static double LogSample(Random random, double shape)
    {
        if (!(shape > 0) || !double.IsFinite(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The gamma shape is a finite number above 0.");
        }

        if (shape < 1)
        {
            return LogSample(random, shape + 1) + (Math.Log(Uniform(random)) / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var x = Normal(random);
            var v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = Uniform(random);
            var squared = x * x;
            if (u < 1 - (0.0331 * squared * squared) || Math.Log(u) < (0.5 * squared) + (d * (1 - v + Math.Log(v))))
            {
                return Math.Log(d) + Math.Log(v);
            }
        }
    }

    /// <summary>A standard normal variate (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(Uniform(random))) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Uniform on (0, 1]: never 0, so its log is finite.</summary>
    private static double Uniform(Random random) => 1 - random.NextDouble();
}
