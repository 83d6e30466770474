namespace Platform.Application.Common.Interfaces;

/// <summary>Reads a dataset file once, checking every row, and describes it: rows, columns and their statistics.</summary>
public interface IDatasetInspector
{
    /// <exception cref="Exceptions.RequestValidationException">The file is unusable; the message names the row and column.</exception>
    Task<DatasetInspection> InspectAsync(Stream content, string format, CancellationToken cancellationToken);
}

/// <param name="ProfileJson">Schema and per-column statistics, as JSON.</param>
public sealed record DatasetInspection(int RowCount, int ColumnCount, string ProfileJson);
