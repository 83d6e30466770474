namespace Platform.MachineLearning.Federated.Privacy;

/// <summary>Rounds of the sampled Gaussian mechanism at one sampling rate and noise multiplier: the accountant's history, which is its whole state.</summary>
public sealed record RdpStep(double SamplingRate, double NoiseMultiplier, int Rounds);

/// <summary>
/// The privacy a federation has spent (docs/decisions/ADR-009): the RDP of the sampled Gaussian mechanism
/// (<see cref="SampledGaussianRdp"/>) at the integer orders 2 to 256, composed over rounds by adding, and converted to
/// (ε, δ) by the standard bound (Mironov 2017, Proposition 3): ε = min_α RDP(α) + log(1/δ) / (α − 1).
/// <para>
/// Its state is its <see cref="History"/>, a short list of (q, z, rounds) that the server persists and passes back to
/// <see cref="RdpAccountant(IEnumerable{RdpStep})"/> to resume; a run of rounds at the same q and z is one entry. The totals
/// are always recomputed from the history in one order, so a resumed accountant gives the same doubles as the live one.
/// </para>
/// </summary>
public sealed class RdpAccountant
{
    public const int MinOrder = 2;
    public const int MaxOrder = 256;

    private readonly List<RdpStep> _history = [];
    private readonly List<double[]> _stepRdp = [];
    private IReadOnlyList<double> _total = Array.AsReadOnly(new double[MaxOrder - MinOrder + 1]);

    public RdpAccountant()
    {
    }

    /// <summary>An accountant resumed from a persisted <see cref="History"/>.</summary>
    public RdpAccountant(IEnumerable<RdpStep> history)
    {
        foreach (var step in history)
        {
            Add(step.SamplingRate, step.NoiseMultiplier, step.Rounds);
        }
    }

    /// <summary>The orders α, in the order of <see cref="Rdp"/>.</summary>
    public static IReadOnlyList<int> Orders { get; } = [.. Enumerable.Range(MinOrder, MaxOrder - MinOrder + 1)];

    /// <summary>What has been spent, in the order it was: the state to persist.</summary>
    public IReadOnlyList<RdpStep> History => _history;

    /// <summary>The total RDP at each of <see cref="Orders"/>.</summary>
    public IReadOnlyList<double> Rdp => _total;

    /// <summary>Records <paramref name="rounds"/> rounds, each sampling sites with probability <paramref name="samplingRate"/> and noising the sum with N(0, (zC)²), z = <paramref name="noiseMultiplier"/>.</summary>
    public void Add(double samplingRate, double noiseMultiplier, int rounds = 1)
    {
        var step = Step(samplingRate, noiseMultiplier, rounds);
        if (rounds == 0)
        {
            return;
        }

        if (_history.Count > 0 && _history[^1].SamplingRate == samplingRate && _history[^1].NoiseMultiplier == noiseMultiplier)
        {
            _history[^1] = _history[^1] with { Rounds = checked(_history[^1].Rounds + rounds) };
        }
        else
        {
            _history.Add(new RdpStep(samplingRate, noiseMultiplier, rounds));
            _stepRdp.Add(step);
        }

        _total = Array.AsReadOnly(Total(null));
    }

    /// <summary>The ε spent so far for <paramref name="delta"/>; 0 before any round.</summary>
    public double Epsilon(double delta) => Epsilon([.. _total], delta);

    /// <summary>The ε that would be spent after <paramref name="rounds"/> more rounds at (q, z): the check before a round starts.</summary>
    public double EpsilonIfAdded(double samplingRate, double noiseMultiplier, int rounds, double delta) =>
        Epsilon(Total((Step(samplingRate, noiseMultiplier, rounds), rounds)), delta);

    /// <summary>The order α at which <see cref="Epsilon(double)"/> is reached (for the run's metrics: an optimum at 2 or 256 says the orders ran out).</summary>
    public int BestOrder(double delta) => Orders[Best([.. _total], delta).Index];

    private static double Epsilon(double[] rdp, double delta)
    {
        var best = Best(rdp, delta);
        return rdp.All(r => r == 0) ? 0 : best.Epsilon; // nothing released, nothing spent (the bound alone would say log(1/δ)/255)
    }

    private static (double Epsilon, int Index) Best(double[] rdp, double delta)
    {
        if (!(delta is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ is a probability strictly between 0 and 1.");
        }

        var best = (Epsilon: double.PositiveInfinity, Index: 0);
        for (var i = 0; i < rdp.Length; i++)
        {
            var epsilon = rdp[i] + (-Math.Log(delta) / (Orders[i] - 1));
            best = epsilon < best.Epsilon ? (epsilon, i) : best;
        }

        return best;
    }

    private static double[] Step(double samplingRate, double noiseMultiplier, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        return [.. Orders.Select(order => SampledGaussianRdp.At(order, samplingRate, noiseMultiplier))];
    }

    private double[] Total((double[] Rdp, int Rounds)? extra)
    {
        var total = new double[Orders.Count];
        var steps = _stepRdp.Select((rdp, i) => (Rdp: rdp, _history[i].Rounds)).Concat(extra is { } e ? [e] : []);
        foreach (var (rdp, rounds) in steps)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += rdp[i] * rounds;
            }
        }

        return total;
    }
}
