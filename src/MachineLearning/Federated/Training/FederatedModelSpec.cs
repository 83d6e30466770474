namespace Platform.MachineLearning.Federated.Training;

/// <summary>The model families the built-in federated trainer trains.</summary>
public enum FederatedModelKind
{
    /// <summary>Multinomial logistic regression: softmax over one linear layer.</summary>
    Softmax,

    /// <summary>A multilayer perceptron with one ReLU hidden layer, then softmax.</summary>
    Mlp,
}

/// <summary>
/// The shape of a federated model, and so of the flat weight vector that the server averages and the sites train. The
/// layout is row-major, one row per output unit:
/// <list type="bullet">
/// <item><see cref="FederatedModelKind.Softmax"/>: W[classes × features], then b[classes];</item>
/// <item><see cref="FederatedModelKind.Mlp"/>: W1[hidden × features], b1[hidden], W2[classes × hidden], b2[classes];
/// hidden = ReLU(W1·x + b1), logits = W2·hidden + b2.</item>
/// </list>
/// Softmax is the same computation without the hidden layer: its output layer reads the features directly.
/// </summary>
public sealed record FederatedModelSpec(FederatedModelKind Kind, int Features, int Classes, int Hidden = 0)
{
    /// <summary>The largest number of features, classes or hidden units a spec may have.</summary>
    public const int MaxWidth = 4096;

    public FederatedModelKind Kind { get; } = Enum.IsDefined(Kind)
        ? Kind
        : throw new ArgumentException($"Unknown federated model kind {(int)Kind}.", nameof(Kind));

    public int Features { get; } = InRange(Features, 1, nameof(Features), "features");

    public int Classes { get; } = InRange(Classes, 2, nameof(Classes), "classes");

    /// <summary>Hidden units: at least 1 for an Mlp, 0 for Softmax.</summary>
    public int Hidden { get; } = Kind == FederatedModelKind.Mlp
        ? InRange(Hidden, 1, nameof(Hidden), "hidden units")
        : Hidden == 0 ? 0 : throw new ArgumentException($"A Softmax model has no hidden layer; Hidden must be 0, not {Hidden}.", nameof(Hidden));

    /// <summary>The length of the flat weight vector.</summary>
    public int ParameterCount => OutputBiasOffset + Classes;

    /// <summary>How many values the output layer reads: the hidden units of an Mlp, the features of Softmax.</summary>
    internal int OutputInputs => Kind == FederatedModelKind.Mlp ? Hidden : Features;

    /// <summary>Where b1 starts (Mlp only; W1 starts at 0).</summary>
    internal int HiddenBiasOffset => Hidden * Features;

    /// <summary>Where the output layer's weights start: W2 of an Mlp, W of Softmax.</summary>
    internal int OutputWeightsOffset => Kind == FederatedModelKind.Mlp ? HiddenBiasOffset + Hidden : 0;

    internal int OutputBiasOffset => OutputWeightsOffset + (Classes * OutputInputs);

    /// <summary>
    /// Round 0's global weights, the same for the same seed: zeros for Softmax (its loss is convex); for an Mlp,
    /// He-uniform W1 (U(±√(6 / features)), for the ReLU), Glorot-uniform W2 (U(±√(6 / (hidden + classes)))) and zero biases.
    /// </summary>
    public float[] InitialWeights(int seed)
    {
        var weights = new float[ParameterCount];
        if (Kind == FederatedModelKind.Softmax)
        {
            return weights;
        }

        var random = new Random(seed);
        Fill(weights.AsSpan(0, HiddenBiasOffset), Math.Sqrt(6.0 / Features), random);
        Fill(weights.AsSpan(OutputWeightsOffset, Classes * Hidden), Math.Sqrt(6.0 / (Hidden + Classes)), random);
        return weights;
    }

    /// <summary>Throws unless <paramref name="weights"/> has this spec's length.</summary>
    internal void CheckWeights(ReadOnlySpan<float> weights, string parameterName)
    {
        if (weights.Length != ParameterCount)
        {
            throw new ArgumentException(
                $"A {Kind} model with {Features} features, {Classes} classes and {Hidden} hidden units has {ParameterCount} weights, not {weights.Length}.",
                parameterName);
        }
    }

    private static void Fill(Span<float> values, double limit, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((2 * random.NextDouble()) - 1) * limit);
        }
    }

    private static int InRange(int value, int min, string name, string what) => value >= min && value <= MaxWidth
        ? value
        : throw new ArgumentException($"A federated model has {min} to {MaxWidth} {what}, not {value}.", name);
}
