using System.Globalization;

namespace Platform.MachineLearning.Datasets;

/// <summary>A column's data-quality findings: cells that are not numbers in a numeric column, one value only, missing cells.</summary>
internal static class ColumnFindings
{
    public static IEnumerable<DataQualityFinding> Of(ColumnAccumulator column, ColumnProfile profile, long rowCount)
    {
        if (profile.NotNumeric > 0)
        {
            var shown = column.NotNumbers;
            var examples = string.Join(", ", shown.Take(5).Select(c => $"'{Shorten(c.Value)}' at row {c.Row}"));
            yield return new DataQualityFinding(
                DataQualityIssue.NotNumeric, column.Name, profile.NotNumeric, Share(profile.NotNumeric, rowCount),
                [.. shown.Select(c => c.Row)], [.. shown.Select(c => c.Value)],
                $"Column '{column.Name}' is numeric ({Percent(column.Numbers, column.Present)} of its values are numbers), but "
                + $"{profile.NotNumeric} {Cells(profile.NotNumeric)} not: {examples}{(profile.NotNumeric > 5 ? ", …" : "")}. "
                + "They are treated as missing values; fix them in the file and upload it again if they are typos.");
        }

        var distinct = profile.Numeric is { } numeric ? (numeric.Min == numeric.Max ? 1 : 2) : profile.Categorical!.DistinctCount;
        if (distinct <= 1)
        {
            var message = profile.Count == 0
                ? $"Column '{column.Name}' has no values at all."
                : $"Column '{column.Name}' holds one value only ('{Shorten(Only(profile))}'){(profile.Missing > 0 ? " besides missing cells" : "")}: it cannot help a model.";
            yield return new DataQualityFinding(DataQualityIssue.Constant, column.Name, rowCount, 1, [], [], message);
        }

        if (column.Missing > 0)
        {
            var rows = string.Join(", ", column.MissingRows.Take(5));
            yield return new DataQualityFinding(
                DataQualityIssue.MissingValues, column.Name, column.Missing, Share(column.Missing, rowCount), [.. column.MissingRows], [],
                $"Column '{column.Name}' has {column.Missing} missing {Cells(column.Missing, "value", "values")} ({Percent(column.Missing, rowCount)} of the rows; "
                + $"row{(column.Missing > 1 ? "s" : "")} {rows}{(column.Missing > 5 ? ", …" : "")}).");
        }
    }

    private static string Only(ColumnProfile profile) =>
        profile.Numeric is { } numeric ? numeric.Min.ToString("R", CultureInfo.InvariantCulture) : profile.Categorical!.TopValues[0].Value;

    private static double Share(long count, long rows) => rows == 0 ? 0 : (double)count / rows;

    private static string Percent(long count, long total) =>
        (Share(count, total) * 100).ToString(count * 1000 < total ? "0.##" : "0.#", CultureInfo.InvariantCulture) + " %";

    private static string Cells(long count, string one = "cell is", string many = "cells are") => count == 1 ? one : many;

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
