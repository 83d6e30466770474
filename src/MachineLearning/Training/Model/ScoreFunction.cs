namespace Platform.MachineLearning.Training.Model;

/// <summary>The part of a model that maps preprocessed features to raw scores, one per output (class or target).</summary>
internal abstract record ScoreFunction
{
    public abstract int OutputCount { get; }

    /// <summary>Number of boosting rounds (trees per output) or 1 for a linear model.</summary>
    public abstract int Iterations { get; }

    /// <summary>Adds round <paramref name="iteration"/> (0-based) to <paramref name="raw"/>; round 0 includes any bias.</summary>
    public abstract void AddIteration(int iteration, ReadOnlySpan<float> features, Span<double> raw);

    /// <summary>All rounds: the full raw scores.</summary>
    public double[] Score(ReadOnlySpan<float> features)
    {
        var raw = new double[OutputCount];
        for (var i = 0; i < Iterations; i++)
        {
            AddIteration(i, features, raw);
        }

        return raw;
    }
}

/// <summary>Boosted trees: per output, the sum of its trees' leaf values plus a bias.</summary>
internal sealed record TreeEnsembleScore(IReadOnlyList<IReadOnlyList<DecisionTree>> TreesPerOutput, double[] Bias) : ScoreFunction
{
    public override int OutputCount => TreesPerOutput.Count;

    public override int Iterations => Math.Max(1, TreesPerOutput.Max(trees => trees.Count));

    public override void AddIteration(int iteration, ReadOnlySpan<float> features, Span<double> raw)
    {
        for (var output = 0; output < TreesPerOutput.Count; output++)
        {
            var trees = TreesPerOutput[output];
            if (iteration == 0)
            {
                raw[output] += Bias[output];
            }

            if (iteration < trees.Count)
            {
                raw[output] += trees[iteration].Evaluate(features);
            }
        }
    }
}

/// <summary>A linear model: per output, bias + weights · features (in float, as ML.NET computes it).</summary>
internal sealed record LinearScore(float[][] Weights, float[] Bias) : ScoreFunction
{
    public override int OutputCount => Weights.Length;

    public override int Iterations => 1;

    public override void AddIteration(int iteration, ReadOnlySpan<float> features, Span<double> raw)
    {
        for (var output = 0; output < Weights.Length; output++)
        {
            var sum = 0f;
            for (var f = 0; f < features.Length; f++)
            {
                sum += Weights[output][f] * features[f];
            }

            raw[output] += Bias[output] + sum;
        }
    }
}
