namespace Platform.MachineLearning.Federated.Training;

/// <summary>
/// What a site tells the server about one numeric column, never its rows: <paramref name="Count"/> rows, of which
/// <paramref name="Missing"/> are missing (NaN), and the min, max and mean of the others (undefined, and ignored, when
/// every value is missing). <see cref="FeatureScaling.Merge"/> turns many sites' summaries into one normalisation.
/// </summary>
public sealed record ColumnSummary(long Count, long Missing, double Min, double Max, double Mean)
{
    /// <summary>The values that are not missing.</summary>
    public long Present => Count - Missing;

    /// <summary>One summary per column of <paramref name="rows"/>, each of <paramref name="features"/> values.</summary>
    public static ColumnSummary[] OfRows(IReadOnlyList<float[]> rows, int features)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        var summaries = new ColumnSummary[features];
        for (var f = 0; f < features; f++)
        {
            long missing = 0;
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            foreach (var row in rows)
            {
                if (row.Length != features)
                {
                    throw new ArgumentException($"A row has {row.Length} values; the summary is of {features} columns.", nameof(rows));
                }

                var value = row[f];
                if (float.IsNaN(value))
                {
                    missing++;
                    continue;
                }

                (min, max, sum) = (Math.Min(min, value), Math.Max(max, value), sum + value);
            }

            var present = rows.Count - missing;
            summaries[f] = present == 0
                ? new ColumnSummary(rows.Count, missing, double.NaN, double.NaN, double.NaN)
                : new ColumnSummary(rows.Count, missing, min, max, sum / present);
        }

        return summaries;
    }

    /// <summary>Throws unless the counts are consistent and, where values are present, min ≤ mean ≤ max are finite.</summary>
    internal void Check(string parameterName)
    {
        if (Count < 0 || Missing < 0 || Missing > Count)
        {
            throw new ArgumentException($"A column summary has {Count} rows and {Missing} missing; both must be ≥ 0 and missing ≤ rows.", parameterName);
        }

        if (Present > 0 && !(double.IsFinite(Min) && double.IsFinite(Max) && Min <= Max))
        {
            throw new ArgumentException($"A column summary with values has a finite min ≤ max, not [{Min}, {Max}].", parameterName);
        }

        if (Present > 0 && !double.IsFinite(Mean))
        {
            throw new ArgumentException($"A column summary with values has a finite mean, not {Mean}.", parameterName);
        }
    }
}
