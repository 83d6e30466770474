namespace Platform.MachineLearning.Federated.Training;

/// <summary>The checks on weights, rows and labels that training and evaluation share, each naming what is wrong.</summary>
internal static class TrainingRows
{
    public static void Check(FederatedModelSpec spec, ReadOnlySpan<float> weights, IReadOnlyList<float[]> rows, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        spec.CheckWeights(weights, nameof(weights));
        if (rows.Count == 0 || rows.Count != labels.Count)
        {
            throw new ArgumentException($"Training takes at least one row and one label per row ({rows.Count} rows, {labels.Count} labels).", nameof(labels));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            CheckRow(spec, rows[r], nameof(rows));
            if (labels[r] < 0 || labels[r] >= spec.Classes)
            {
                throw new ArgumentException($"Label {labels[r]} of row {r} is not a class index 0 to {spec.Classes - 1}.", nameof(labels));
            }
        }
    }

    public static void CheckRow(FederatedModelSpec spec, ReadOnlySpan<float> row, string parameterName)
    {
        if (row.Length != spec.Features)
        {
            throw new ArgumentException($"A row has {row.Length} values; the model takes {spec.Features} features.", parameterName);
        }

        foreach (var value in row)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"A row holds {value}: rows must be scaled (FeatureScaling imputes NaN) before training.", parameterName);
            }
        }
    }
}
