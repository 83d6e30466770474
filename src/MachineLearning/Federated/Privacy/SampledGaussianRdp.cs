namespace Platform.MachineLearning.Federated.Privacy;

/// <summary>
/// The Rényi DP of one step of the sampled Gaussian mechanism (Mironov, Talwar and Zhang 2019, "Rényi Differential
/// Privacy of the Sampled Gaussian Mechanism", §3.3): each site is in the round with probability q (Poisson sampling),
/// the sum of the clipped updates gets N(0, (zC)²), neighbouring federations differ by one site. At an integer order α
/// <code>
/// RDP(α) = log(A_α) / (α − 1),   A_α = Σ_{k=0..α} C(α, k) (1 − q)^(α − k) q^k exp((k² − k) / (2z²))
/// </code>
/// summed in log space (log-sum-exp), since the last terms overflow a double long before α = 256.
/// </summary>
public static class SampledGaussianRdp
{
    /// <summary>The RDP of one step at order <paramref name="order"/> (an integer, at least 2).</summary>
    public static double At(int order, double samplingRate, double noiseMultiplier)
    {
        Check(order, samplingRate, noiseMultiplier);
        if (samplingRate == 0)
        {
            return 0;
        }

        if (samplingRate == 1)
        {
            return order / (2 * noiseMultiplier * noiseMultiplier); // the Gaussian mechanism's closed form
        }

        var (logQ, logNotQ, twoVariance) = (Math.Log(samplingRate), Log1P(-samplingRate), 2 * noiseMultiplier * noiseMultiplier);
        var (logBinomial, largest) = (0.0, double.NegativeInfinity);
        var terms = new double[order + 1];
        for (var k = 0; k <= order; k++)
        {
            if (k > 0)
            {
                logBinomial += Math.Log(order - k + 1) - Math.Log(k);
            }

            terms[k] = logBinomial + (k * logQ) + ((order - k) * logNotQ) + (((double)k * k) - k) / twoVariance;
            largest = Math.Max(largest, terms[k]);
        }

        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - largest);
        }

        return Math.Max(0, (largest + Math.Log(sum)) / (order - 1));
    }

    internal static void Check(int order, double samplingRate, double noiseMultiplier)
    {
        if (order < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "The integer orders start at 2.");
        }

        if (!(samplingRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, "The sampling rate is a probability, from 0 to 1.");
        }

        if (!double.IsFinite(noiseMultiplier) || noiseMultiplier <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "The noise multiplier is a positive finite number (0 would be no privacy).");
        }
    }

    /// <summary>log(1 + x) accurate for small x (Goldberg's correction), which <c>Math.Log(1 + x)</c> is not: log(1 − q) for a small q.</summary>
    private static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
