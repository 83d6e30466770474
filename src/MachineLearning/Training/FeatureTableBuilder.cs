using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Training;

/// <summary>
/// Turns a <see cref="Dataset"/> into a <see cref="FeatureTable"/>: feature cells parsed as floats
/// (missing = NaN), labels mapped to class indices or parsed as targets. Errors name the row (as the
/// CSV reader counts them: header = 1) and the column.
/// </summary>
public static class FeatureTableBuilder
{
    /// <param name="dataset">The whole dataset (build before splitting so that row numbers are the file's).</param>
    /// <param name="labelColumn">The target column.</param>
    /// <param name="task">Decides how labels are read.</param>
    /// <param name="featureColumns">Feature columns in order; default: every column but the label.</param>
    /// <param name="classes">Known classes (for example a model's); default: derived from the label column.</param>
    public static FeatureTable Build(
        Dataset dataset,
        string labelColumn,
        TrainingTask task,
        IReadOnlyList<string>? featureColumns = null,
        IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var labelIndex = dataset.IndexOf(labelColumn);
        featureColumns ??= [.. dataset.ColumnNames.Where(name => name != labelColumn)];
        var featureIndices = featureColumns.Select(dataset.IndexOf).ToArray();
        var isClassification = task != TrainingTask.Regression;
        classes = isClassification ? classes ?? ClassLabels.Derive(dataset.Column(labelColumn)) : [];
        CheckClassCount(task, classes, labelColumn);
        var classIndex = classes.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

        var rows = new float[dataset.RowCount][];
        var labels = new float[dataset.RowCount];
        for (var r = 0; r < dataset.RowCount; r++)
        {
            var cells = dataset.Rows[r];
            var vector = new float[featureIndices.Length];
            for (var f = 0; f < featureIndices.Length; f++)
            {
                vector[f] = ParseFeature(cells[featureIndices[f]], r, featureColumns[f]);
            }

            rows[r] = vector;
            labels[r] = isClassification
                ? ClassIndex(cells[labelIndex], classIndex, r, labelColumn)
                : ParseTarget(cells[labelIndex], r, labelColumn);
        }

        return new FeatureTable(featureColumns, rows, labels, classes);
    }

    private static void CheckClassCount(TrainingTask task, IReadOnlyList<string> classes, string labelColumn)
    {
        if (task == TrainingTask.BinaryClassification && classes.Count != 2)
        {
            throw new DatasetFormatException(
                $"binary classification needs exactly 2 classes but the label has {classes.Count}: {string.Join(", ", classes.Take(10))}", null, labelColumn);
        }

        if (task == TrainingTask.MulticlassClassification && classes.Count < 2)
        {
            throw new DatasetFormatException($"classification needs at least 2 classes but the label has {classes.Count}", null, labelColumn);
        }
    }

    private static float ParseFeature(string? cell, int row, string column)
    {
        if (cell is null)
        {
            return float.NaN;
        }

        return InvariantNumber.TryParseSingle(cell, out var value)
            ? value
            : throw new DatasetFormatException($"feature value '{cell}' is not a finite number", row + 2, column);
    }

    private static float ParseTarget(string? cell, int row, string column) =>
        cell is not null && InvariantNumber.TryParseSingle(cell, out var value)
            ? value
            : throw new DatasetFormatException($"the regression target '{cell ?? "(missing)"}' is not a finite number", row + 2, column);

    private static float ClassIndex(string? cell, Dictionary<string, int> classIndex, int row, string column)
    {
        if (cell is null)
        {
            throw new DatasetFormatException("the label is missing", row + 2, column);
        }

        return classIndex.TryGetValue(cell, out var index)
            ? index
            : throw new DatasetFormatException(
                $"label '{cell}' is not one of the model's classes ({string.Join(", ", classIndex.Keys.Take(20))})", row + 2, column);
    }
}
