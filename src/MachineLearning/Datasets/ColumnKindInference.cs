namespace Platform.MachineLearning.Datasets;

/// <summary>Infers a column's <see cref="ColumnKind"/> from its cells. Numbers win over booleans, so 0/1 columns are numeric.</summary>
public static class ColumnKindInference
{
    public static ColumnKind Infer(IEnumerable<string?> cells)
    {
        var any = false;
        var numeric = true;
        var boolean = true;
        foreach (var cell in cells)
        {
            if (cell is null)
            {
                continue;
            }

            any = true;
            numeric = numeric && InvariantNumber.TryParse(cell, out _);
            boolean = boolean && IsBoolean(cell);
            if (!numeric && !boolean)
            {
                return ColumnKind.Categorical;
            }
        }

        return !any ? ColumnKind.Categorical : numeric ? ColumnKind.Numeric : ColumnKind.Boolean;
    }

    /// <summary>True for <c>true</c> and <c>false</c> in any case.</summary>
    public static bool IsBoolean(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
