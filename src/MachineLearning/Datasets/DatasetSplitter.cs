namespace Platform.MachineLearning.Datasets;

/// <summary>Reproducible train/validation/test splits: by seeded fractions, or by a column naming each row's part.</summary>
public static class DatasetSplitter
{
    /// <summary>
    /// Shuffles row indices with <paramref name="seed"/> and cuts them by the fractions (validation and
    /// test sizes rounded to the nearest row, training takes the rest). Same inputs, same split.
    /// </summary>
    public static DatasetSplit ByFractions(int rowCount, SplitFractions fractions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentNullException.ThrowIfNull(fractions);
        var order = SeededShuffle.Permutation(rowCount, seed);
        var (_, validation, test) = Sizes(rowCount, fractions);
        return new DatasetSplit(
            Sorted(order.AsSpan(validation + test)),
            Sorted(order.AsSpan(test, validation)),
            Sorted(order.AsSpan(0, test)));
    }

    /// <summary>The rows in each part of <see cref="ByFractions"/>'s split, without making it.</summary>
    public static (int Train, int Validation, int Test) Sizes(int rowCount, SplitFractions fractions)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        var test = (int)Math.Round(rowCount * fractions.Test, MidpointRounding.AwayFromZero);
        var validation = Math.Min((int)Math.Round(rowCount * fractions.Validation, MidpointRounding.AwayFromZero), rowCount - test);
        return (rowCount - validation - test, validation, test);
    }

    /// <summary>0, 1 or 2 for a split column's cell <c>train</c>, <c>validation</c> or <c>test</c> (any case), else a <see cref="DatasetFormatException"/> naming the row.</summary>
    public static int PartOf(string? cell, long row, string column) => cell?.Trim().ToLowerInvariant() switch
    {
        "train" => 0,
        "validation" => 1,
        "test" => 2,
        var other => throw new DatasetFormatException($"'{other ?? ""}' is not a split name; use train, validation or test", row, column),
    };

    /// <summary>
    /// Splits by a column whose cells say <c>train</c>, <c>validation</c> or <c>test</c> (any case);
    /// any other value, or a missing one, is a <see cref="DatasetFormatException"/> naming its row.
    /// </summary>
    public static DatasetSplit ByColumn(Dataset dataset, string column)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = dataset.IndexOf(column);
        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        for (var row = 0; row < dataset.RowCount; row++)
        {
            parts[PartOf(dataset.Rows[row][index], dataset.RowNumberOf(row), column)].Add(row);
        }

        return new DatasetSplit(parts[0], parts[1], parts[2]);
    }

    private static int[] Sorted(ReadOnlySpan<int> indices)
    {
        var array = indices.ToArray();
        Array.Sort(array);
        return array;
    }
}
