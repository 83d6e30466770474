namespace Platform.Application.Common.Interfaces;

/// <summary>Reads a dataset file once, checking every row, and describes it: rows, columns and their statistics.</summary>
public interface IDatasetInspector
{
    /// <exception cref="Exceptions.RequestValidationException">The file is unusable; the message names the row and column.</exception>
    Task<DatasetInspection> InspectAsync(Stream content, string format, DatasetSplitRequest split, CancellationToken cancellationToken);
}

/// <summary>
/// How a version's rows divide into train / validation / test: by <paramref name="Seed"/> with the given fractions
/// (training takes the rest), or, when <paramref name="Column"/> is set, by that column's cells (train, validation or
/// test). Either way the same file gives the same split.
/// </summary>
public sealed record DatasetSplitRequest(int Seed = 42, double ValidationFraction = 0.15, double TestFraction = 0.15, string? Column = null);

/// <param name="ProfileJson">Schema and per-column statistics, as JSON.</param>
/// <param name="SplitJson">The split's definition and its row counts, as JSON.</param>
public sealed record DatasetInspection(int RowCount, int ColumnCount, string ProfileJson, string SplitJson);
