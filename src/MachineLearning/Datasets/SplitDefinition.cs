namespace Platform.MachineLearning.Datasets;

/// <summary>
/// How a dataset version's rows divide into train / validation / test, as recorded with the version: seeded fractions
/// (<see cref="BySeed"/>) or a column naming each row's part (<see cref="ByColumn"/>). The same definition applied to the
/// same file gives the same split, so the Api and the workers rebuild it alike.
/// </summary>
/// <param name="Method"><see cref="BySeed"/> or <see cref="ByColumn"/>.</param>
/// <param name="Seed">The shuffle's seed (seeded fractions).</param>
/// <param name="Fractions">The parts' shares (seeded fractions).</param>
/// <param name="Column">The column naming each row's part (column split).</param>
public sealed record SplitDefinition(string Method, int? Seed = null, SplitShares? Fractions = null, string? Column = null)
{
    public const string BySeed = "seed";
    public const string ByColumn = "column";

    public static SplitDefinition Seeded(int seed, double validation, double test) =>
        new(BySeed, seed, new SplitShares(1 - validation - test, validation, test));

    public static SplitDefinition OnColumn(string column) => new(ByColumn, Column: column);

    /// <exception cref="DatasetFormatException">A column split met a cell that names no part.</exception>
    public DatasetSplit Apply(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Method == ByColumn
            ? DatasetSplitter.ByColumn(dataset, Column ?? throw new InvalidOperationException("A column split names no column."))
            : DatasetSplitter.ByFractions(dataset.RowCount, Shares, Seed ?? throw new InvalidOperationException("A seeded split has no seed."));
    }

    private SplitFractions Shares => Fractions is { } f
        ? new SplitFractions(f.Train, f.Validation, f.Test)
        : throw new InvalidOperationException("A seeded split has no fractions.");
}

/// <summary>The shares of a seeded split as recorded (training takes the rest of validation and test).</summary>
public sealed record SplitShares(double Train, double Validation, double Test);
