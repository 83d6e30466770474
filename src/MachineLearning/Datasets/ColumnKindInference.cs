namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Infers a column's <see cref="ColumnKind"/> from its non-missing cells. Numbers win over booleans, so 0/1 columns are
/// numeric. A column is numeric when at least <see cref="NumericShare"/> of its non-missing cells are numbers: a few cells
/// that are not (a typo such as <c>13.2x</c>, a stray <c>?</c>) do not turn a numeric column into a categorical one; they
/// are treated as missing and reported as a data-quality finding.
/// </summary>
public static class ColumnKindInference
{
    /// <summary>95 %: the share of non-missing cells that must be numbers for a column to be numeric.</summary>
    public const double NumericShare = 0.95;

    public static ColumnKind Infer(IEnumerable<string?> cells)
    {
        long present = 0, numbers = 0, booleans = 0;
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                continue;
            }

            present++;
            numbers += InvariantNumber.TryParse(cell, out _) ? 1 : 0;
            booleans += IsBoolean(cell) ? 1 : 0;
        }

        return Decide(present, numbers, booleans);
    }

    /// <summary>The kind of a column with <paramref name="present"/> non-missing cells, of which so many are numbers and booleans.</summary>
    public static ColumnKind Decide(long present, long numbers, long booleans) =>
        present == 0 ? ColumnKind.Categorical
        : numbers == present ? ColumnKind.Numeric
        : booleans == present ? ColumnKind.Boolean
        : numbers >= NumericShare * present ? ColumnKind.Numeric
        : ColumnKind.Categorical;

    /// <summary>True for <c>true</c> and <c>false</c> in any case.</summary>
    public static bool IsBoolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
