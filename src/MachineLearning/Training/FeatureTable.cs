namespace Platform.MachineLearning.Training;

/// <summary>
/// Numeric training data: one float vector per row (NaN = missing), and a label per row that is the
/// class index into <see cref="Classes"/> for classification or the target value for regression.
/// </summary>
/// <param name="FeatureNames">Feature column names, in vector order (also the ONNX input order).</param>
/// <param name="Rows">Feature vectors, each of length <c>FeatureNames.Count</c>.</param>
/// <param name="Labels">Class index (classification) or target (regression) per row.</param>
/// <param name="Classes">Class names for classification, in index order; empty for regression.</param>
public sealed record FeatureTable(IReadOnlyList<string> FeatureNames, float[][] Rows, float[] Labels, IReadOnlyList<string> Classes)
{
    public int RowCount => Rows.Length;

    /// <summary>The rows at <paramref name="indices"/> (for example a <see cref="Datasets.DatasetSplit"/> part).</summary>
    public FeatureTable SelectRows(IReadOnlyList<int> indices) =>
        this with
        {
            Rows = [.. indices.Select(i => Rows[i])],
            Labels = [.. indices.Select(i => Labels[i])],
        };
}
