namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// One-hot encoding of categorical features, fitted on the training split: per column, its (up to
/// <see cref="MaxCategoriesPerColumn"/> most frequent) training values in ordinal order, each one indicator feature.
/// A value not among them, or a missing one, sets none (all zeros), in the model here and in its ONNX graph
/// (ai.onnx.ml OneHotEncoder with <c>zeros = 1</c>). The encoded features follow the numeric ones.
/// </summary>
internal sealed record CategoryEncoding(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Categories)
{
    /// <summary>Most frequent values kept per column; rarer ones encode as unknown.</summary>
    public const int MaxCategoriesPerColumn = 100;

    public static CategoryEncoding None { get; } = new([], []);

    /// <summary>Indicator features added.</summary>
    public int Width => Categories.Sum(c => c.Length);

    /// <summary>The indicator features' names, <c>column=value</c>.</summary>
    public IEnumerable<string> EncodedNames => Columns.SelectMany((column, i) => Categories[i].Select(value => $"{column}={value}"));

    public static CategoryEncoding Fit(FeatureTable training)
    {
        var categories = training.CategoricalNames.Select((_, column) => training.Categories
                .Select(row => row[column])
                .OfType<string>()
                .GroupBy(value => value, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaxCategoriesPerColumn)
                .Select(g => g.Key)
                .Order(StringComparer.Ordinal)
                .ToArray())
            .ToArray();
        return new CategoryEncoding(training.CategoricalNames, categories);
    }

    /// <summary>
    /// The table as the trainers see it: numeric features, then the indicators. A table without categorical features is
    /// returned as it is.
    /// </summary>
    public FeatureTable Expand(FeatureTable table)
    {
        if (Columns.Count == 0)
        {
            return table;
        }

        if (!table.CategoricalNames.SequenceEqual(Columns))
        {
            throw new ArgumentException("The table's categorical features are not the encoding's.", nameof(table));
        }

        var lookups = Categories.Select(values => values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal)).ToArray();
        var numeric = table.FeatureNames.Count;
        var rows = new float[table.RowCount][];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new float[numeric + Width];
            table.Rows[r].CopyTo(row, 0);
            var offset = numeric;
            for (var c = 0; c < lookups.Length; c++)
            {
                if (table.Categories[r][c] is { } value && lookups[c].TryGetValue(value, out var index))
                {
                    row[offset + index] = 1;
                }

                offset += Categories[c].Length;
            }

            rows[r] = row;
        }

        return new FeatureTable([.. table.FeatureNames, .. EncodedNames], rows, table.Labels, table.Classes);
    }
}
