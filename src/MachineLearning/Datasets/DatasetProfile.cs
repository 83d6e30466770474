namespace Platform.MachineLearning.Datasets;

/// <summary>
/// A dataset's schema and per-column statistics. Serialisable with System.Text.Json; stored with a
/// dataset version and used later as the baseline for drift checks (bin edges from here, counts
/// from serving data, via <see cref="QuantileBins.IndexOf"/>).
/// </summary>
/// <param name="RowCount">Number of data rows.</param>
/// <param name="Columns">One profile per column, in dataset order.</param>
public sealed record DatasetProfile(int RowCount, IReadOnlyList<ColumnProfile> Columns);

/// <summary>One column's inferred kind and statistics.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Kind">Inferred kind.</param>
/// <param name="Count">Non-missing values.</param>
/// <param name="Missing">Missing values.</param>
/// <param name="Numeric">For numeric columns with at least one value, else <c>null</c>.</param>
/// <param name="Categorical">For categorical and boolean columns, else <c>null</c>.</param>
public sealed record ColumnProfile(
    string Name,
    ColumnKind Kind,
    int Count,
    int Missing,
    NumericColumnStatistics? Numeric,
    CategoricalColumnStatistics? Categorical);

/// <summary>
/// Statistics of a numeric column's non-missing values. <see cref="StandardDeviation"/> is the sample
/// standard deviation (divisor n − 1; 0 for a single value). <see cref="BinEdges"/> are quantiles
/// (linear interpolation) at 0, 1/B, …, 1 for B bins; <see cref="BinCounts"/> counts values per bin as
/// <see cref="QuantileBins.IndexOf"/> assigns them.
/// </summary>
public sealed record NumericColumnStatistics(
    double Min,
    double Max,
    double Mean,
    double StandardDeviation,
    IReadOnlyList<double> BinEdges,
    IReadOnlyList<long> BinCounts);

/// <summary>Statistics of a categorical or boolean column: distinct values and the most frequent ones.</summary>
/// <param name="DistinctCount">Number of distinct non-missing values.</param>
/// <param name="TopValues">Most frequent values first (ties in ordinal order of the value).</param>
public sealed record CategoricalColumnStatistics(int DistinctCount, IReadOnlyList<ValueFrequency> TopValues);

/// <summary>A value, how often it occurs, and that count as a fraction of the non-missing values.</summary>
public sealed record ValueFrequency(string Value, int Count, double Frequency);
