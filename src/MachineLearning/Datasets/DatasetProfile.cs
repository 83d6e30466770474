namespace Platform.MachineLearning.Datasets;

/// <summary>
/// A dataset's schema and per-column statistics. Serialisable with System.Text.Json; stored with a
/// dataset version and used later as the baseline for drift checks (bin edges from here, counts
/// from serving data, via <see cref="QuantileBins.IndexOf"/>).
/// </summary>
/// <param name="RowCount">Number of data rows.</param>
/// <param name="Columns">One profile per column, in dataset order.</param>
/// <param name="Findings">Data-quality findings (cells that are not numbers in a numeric column, constant columns, missing values, duplicate rows), naming the file's rows.</param>
public sealed record DatasetProfile(int RowCount, IReadOnlyList<ColumnProfile> Columns, IReadOnlyList<DataQualityFinding> Findings);

/// <summary>One column's inferred kind and statistics.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Kind">Inferred kind.</param>
/// <param name="Count">Usable values (for a numeric column: its numbers).</param>
/// <param name="Missing">Missing values (empty cells and missing-value markers).</param>
/// <param name="Numeric">For numeric columns with at least one value, else <c>null</c>.</param>
/// <param name="Categorical">For categorical and boolean columns, else <c>null</c>.</param>
/// <param name="NotNumeric">Cells of a numeric column that are not numbers: treated as missing (see the findings); 0 for other kinds.</param>
public sealed record ColumnProfile(
    string Name,
    ColumnKind Kind,
    int Count,
    int Missing,
    NumericColumnStatistics? Numeric,
    CategoricalColumnStatistics? Categorical,
    int NotNumeric = 0);

/// <summary>
/// Statistics of a numeric column's non-missing values. <see cref="StandardDeviation"/> is the sample
/// standard deviation (divisor n − 1; 0 for a single value). <see cref="BinEdges"/> are quantiles
/// (linear interpolation) at 0, 1/B, …, 1 for B bins; <see cref="BinCounts"/> counts values per bin as
/// <see cref="QuantileBins.IndexOf"/> assigns them. A column of more than 100,000 numbers has its edges and counts
/// estimated from a seeded uniform sample of 100,000 of them (<see cref="Sampled"/>); min, max, mean and standard
/// deviation are always exact.
/// </summary>
public sealed record NumericColumnStatistics(
    double Min,
    double Max,
    double Mean,
    double StandardDeviation,
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<long> BinCounts,
    bool Sampled = false);

/// <summary>Statistics of a categorical or boolean column: distinct values and the most frequent ones.</summary>
/// <param name="DistinctCount">Number of distinct non-missing values.</param>
/// <param name="TopValues">Most frequent values first (ties in ordinal order of the value).</param>
/// <param name="DistinctCountIsLowerBound">True when the column has more distinct values than the profile counts (10,000).</param>
public sealed record CategoricalColumnStatistics(int DistinctCount, IReadOnlyList<ValueFrequency> TopValues, bool DistinctCountIsLowerBound = false);

/// <summary>A value, how often it occurs, and that count as a fraction of the non-missing values.</summary>
public sealed record ValueFrequency(string Value, int Count, double Frequency);
