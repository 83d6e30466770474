using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Training;

/// <summary>
/// Turns a <see cref="Dataset"/> into a <see cref="FeatureTable"/>: numeric feature cells parsed as floats (missing = NaN;
/// a cell that is not a number in a numeric column, such as a typo, is missing too, as the dataset's profile reports it),
/// categorical feature cells kept as text,
/// labels mapped to class indices or parsed as targets. Errors name the file's row (<see cref="Dataset.RowNumberOf"/>,
/// header = 1) and the column.
/// </summary>
public static class FeatureTableBuilder
{
    /// <param name="dataset">The dataset or a part of it (<see cref="Dataset.SelectRows"/> keeps the file's row numbers).</param>
    /// <param name="labelColumn">The target column.</param>
    /// <param name="task">Decides how labels are read.</param>
    /// <param name="featureColumns">Feature columns in order; default: every column but the label.</param>
    /// <param name="classes">Known classes (for example a model's); default: derived from the label column.</param>
    /// <param name="categoricalColumns">
    /// Feature columns that are not numeric (for example from the dataset version's profile); default: inferred from
    /// <paramref name="dataset"/> (<see cref="ColumnKindInference"/>).
    /// </param>
    public static FeatureTable Build(
        Dataset dataset,
        string labelColumn,
        TrainingTask task,
        IReadOnlyList<string>? featureColumns = null,
        IReadOnlyList<string>? classes = null,
        IReadOnlyCollection<string>? categoricalColumns = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var labelIndex = dataset.IndexOf(labelColumn);
        featureColumns ??= [.. dataset.ColumnNames.Where(name => name != labelColumn)];
        categoricalColumns ??= [.. featureColumns.Where(c => ColumnKindInference.Infer(dataset.Column(c)) != ColumnKind.Numeric)];
        string[] numericNames = [.. featureColumns.Where(c => !categoricalColumns.Contains(c))];
        string[] categoricalNames = [.. featureColumns.Where(categoricalColumns.Contains)];
        var featureIndices = numericNames.Select(dataset.IndexOf).ToArray();
        var categoryIndices = categoricalNames.Select(dataset.IndexOf).ToArray();
        var isClassification = task != TrainingTask.Regression;
        classes = isClassification ? classes ?? ClassLabels.Derive(dataset.Column(labelColumn)) : [];
        CheckClassCount(task, classes, labelColumn);
        var classIndex = classes.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

        var rows = new float[dataset.RowCount][];
        var categories = categoryIndices.Length == 0 ? [] : new string?[dataset.RowCount][];
        var labels = new float[dataset.RowCount];
        for (var r = 0; r < dataset.RowCount; r++)
        {
            var cells = dataset.Rows[r];
            var vector = new float[featureIndices.Length];
            for (var f = 0; f < featureIndices.Length; f++)
            {
                vector[f] = ParseFeature(cells[featureIndices[f]]);
            }

            rows[r] = vector;
            if (categoryIndices.Length > 0)
            {
                categories[r] = [.. categoryIndices.Select(c => cells[c])];
            }

            labels[r] = isClassification
                ? ClassIndex(cells[labelIndex], classIndex, dataset.RowNumberOf(r), labelColumn)
                : ParseTarget(cells[labelIndex], dataset.RowNumberOf(r), labelColumn);
        }

        return new FeatureTable(numericNames, rows, labels, classes) { CategoricalNames = categoricalNames, Categories = categories };
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

    /// <summary>A missing cell, or one that is not a number (the profile reports those), is NaN: the model imputes it.</summary>
    private static float ParseFeature(string? cell) =>
        cell is not null && InvariantNumber.TryParseSingle(cell, out var value) ? value : float.NaN;

    private static float ParseTarget(string? cell, long row, string column) =>
        cell is not null && InvariantNumber.TryParseSingle(cell, out var value)
            ? value
            : throw new DatasetFormatException(
                cell is null ? "the regression target is missing" : $"the regression target '{cell}' is not a finite number", row, column);

    private static float ClassIndex(string? cell, Dictionary<string, int> classIndex, long row, string column)
    {
        if (cell is null)
        {
            throw new DatasetFormatException("the label is missing", row, column);
        }

        return classIndex.TryGetValue(cell, out var index)
            ? index
            : throw new DatasetFormatException(
                $"label '{cell}' is not one of the model's classes ({string.Join(", ", classIndex.Keys.Take(20))})", row, column);
    }
}
