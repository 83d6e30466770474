namespace Platform.MachineLearning.Datasets;

/// <summary>How a CSV file is read and which rules its content must meet.</summary>
public sealed record CsvReadOptions
{
    /// <summary>1 GiB: the default <see cref="MaxBytes"/>.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>The field separator; a comma by default.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>A file longer than this many bytes is rejected at the row where it crosses the limit.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Columns whose every non-missing value must be a finite number.</summary>
    public IReadOnlyCollection<string> NumericColumns { get; init; } = [];

    /// <summary>When true, every column must be numeric (as if all were listed in <see cref="NumericColumns"/>).</summary>
    public bool AllColumnsNumeric { get; init; }

    /// <summary>Cell texts read as a missing value (compared case-insensitively); an empty cell always is.</summary>
    public IReadOnlyCollection<string> MissingValueMarkers { get; init; } = ["NA", "N/A", "NaN", "null"];
}
