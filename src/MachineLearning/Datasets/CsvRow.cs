namespace Platform.MachineLearning.Datasets;

/// <summary>One validated data row of a CSV file.</summary>
/// <param name="RowNumber">1-based row in the file; the header is row 1.</param>
/// <param name="Values">One cell per header column; <c>null</c> is a missing value.</param>
public sealed record CsvRow(long RowNumber, string?[] Values);
