using Microsoft.ML.Trainers.FastTree;

namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// One regression tree as ML.NET stores it: internal nodes 0..n−1 with a numeric split
/// (<c>x[feature] &lt;= threshold</c> goes left), children ≥ 0 are internal nodes and a negative child
/// <c>c</c> is leaf <c>~c</c>.
/// </summary>
internal sealed record DecisionTree(int[] LeftChild, int[] RightChild, int[] SplitFeature, float[] Threshold, double[] LeafValues)
{
    public int NodeCount => SplitFeature.Length;

    /// <summary>The leaf value reached by <paramref name="features"/> (no missing values: they are imputed first).</summary>
    public double Evaluate(ReadOnlySpan<float> features)
    {
        var node = 0;
        while (node >= 0)
        {
            node = features[SplitFeature[node]] <= Threshold[node] ? LeftChild[node] : RightChild[node];
        }

        return LeafValues[~node];
    }

    /// <summary>
    /// Copies an ML.NET tree, or returns <c>null</c> for a tree without splits, which ML.NET scores as 0.
    /// Categorical splits are refused (the trainers here are configured without them).
    /// </summary>
    public static DecisionTree? From(RegressionTreeBase tree)
    {
        if (tree.NumberOfLeaves <= 1 || tree.NumberOfNodes == 0 || tree.LeftChild[0] == 0)
        {
            return null;
        }

        if (tree.CategoricalSplitFlags.Any(flag => flag))
        {
            throw new NotSupportedException("Trees with categorical splits cannot be exported.");
        }

        return new DecisionTree(
            [.. tree.LeftChild],
            [.. tree.RightChild],
            [.. tree.NumericalSplitFeatureIndexes],
            [.. tree.NumericalSplitThresholds],
            [.. tree.LeafValues]);
    }
}
