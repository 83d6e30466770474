namespace Platform.MachineLearning.Training;

/// <summary>
/// Training data: one float vector of numeric features per row (NaN = missing), the raw text of its categorical features
/// (<c>null</c> = missing), and a label per row that is the class index into <see cref="Classes"/> for classification or
/// the target value for regression.
/// </summary>
/// <param name="FeatureNames">Numeric feature names, in vector order (also the ONNX <c>features</c> input's order).</param>
/// <param name="Rows">Numeric feature vectors, each of length <c>FeatureNames.Count</c>.</param>
/// <param name="Labels">Class index (classification) or target (regression) per row.</param>
/// <param name="Classes">Class names for classification, in index order; empty for regression.</param>
public sealed record FeatureTable(IReadOnlyList<string> FeatureNames, float[][] Rows, float[] Labels, IReadOnlyList<string> Classes)
{
    /// <summary>Categorical feature names, in the order of <see cref="Categories"/> (also the ONNX <c>categories</c> input's order).</summary>
    public IReadOnlyList<string> CategoricalNames { get; init; } = [];

    /// <summary>Per row, the categorical features' raw values (<c>null</c> = missing); empty when there are none.</summary>
    public string?[][] Categories { get; init; } = [];

    public int RowCount => Rows.Length;

    /// <summary>Every feature: the numeric ones, then the categorical ones.</summary>
    public IReadOnlyList<string> AllFeatureNames => [.. FeatureNames, .. CategoricalNames];

    /// <summary>The rows at <paramref name="indices"/> (for example a <see cref="Datasets.DatasetSplit"/> part).</summary>
    public FeatureTable SelectRows(IReadOnlyList<int> indices) =>
        this with
        {
            Rows = [.. indices.Select(i => Rows[i])],
            Labels = [.. indices.Select(i => Labels[i])],
            Categories = CategoricalNames.Count == 0 ? [] : [.. indices.Select(i => Categories[i])],
        };
}
