namespace Platform.MachineLearning.Training.Model;

/// <summary>How raw scores become the model's output.</summary>
internal enum OutputKind
{
    /// <summary>Regression: the score itself.</summary>
    Identity,

    /// <summary>Binary: Platt sigmoid p = 1 / (1 + exp(slope·s + offset)); probabilities [1 − p, p].</summary>
    Sigmoid,

    /// <summary>Multiclass: softmax over the class scores.</summary>
    Softmax,

    /// <summary>One-versus-all: a Platt sigmoid per class, then divided by their sum.</summary>
    NormalizedSigmoid,
}

/// <summary>The output step of a model, with Platt parameters per output where it has them.</summary>
internal sealed record OutputTransform(OutputKind Kind, double[] PlattSlopes, double[] PlattOffsets)
{
    public static OutputTransform Identity { get; } = new(OutputKind.Identity, [], []);

    public static OutputTransform Softmax { get; } = new(OutputKind.Softmax, [], []);

    /// <summary>Probabilities per class, or the single regression score.</summary>
    public float[] Apply(ReadOnlySpan<double> raw) => Kind switch
    {
        OutputKind.Identity => [(float)raw[0]],
        OutputKind.Sigmoid => Binary(Platt((float)raw[0], 0)),
        OutputKind.Softmax => SoftmaxOf(raw),
        OutputKind.NormalizedSigmoid => NormalizedPlatt(raw),
        _ => throw new InvalidOperationException($"Unknown output kind {Kind}."),
    };

    private float Platt(float score, int output) =>
        (float)(1 / (1 + Math.Exp((PlattSlopes[output] * score) + PlattOffsets[output])));

    private static float[] Binary(float positive) => [1 - positive, positive];

    private static float[] SoftmaxOf(ReadOnlySpan<double> raw)
    {
        var max = double.NegativeInfinity;
        foreach (var value in raw)
        {
            max = Math.Max(max, (float)value);
        }

        var exp = new double[raw.Length];
        var sum = 0.0;
        for (var i = 0; i < raw.Length; i++)
        {
            exp[i] = Math.Exp((float)raw[i] - max);
            sum += exp[i];
        }

        return [.. exp.Select(e => (float)(e / sum))];
    }

    private float[] NormalizedPlatt(ReadOnlySpan<double> raw)
    {
        var probabilities = new float[raw.Length];
        var sum = 0.0;
        for (var i = 0; i < raw.Length; i++)
        {
            probabilities[i] = Platt((float)raw[i], i);
            sum += probabilities[i];
        }

        return sum > 0 ? [.. probabilities.Select(p => (float)(p / sum))] : probabilities;
    }
}
