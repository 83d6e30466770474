using System.Text.Json;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Tests.Support;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class DatasetProfilerTests
{
    [Fact]
    public void Describes_a_numeric_column_with_counts_extremes_mean_sample_std_and_quantile_bins()
    {
        var profile = DatasetProfiler.Profile(Dataset(("x", ["4", "1", null, "3", "2"])), binCount: 2);

        var column = Assert.Single(profile.Columns);
        var numeric = column.Numeric!;
        Assert.Equal(ColumnKind.Numeric, column.Kind);
        Assert.Equal((4, 1), (column.Count, column.Missing));
        Assert.Equal((1.0, 4.0, 2.5), (numeric.Min, numeric.Max, numeric.Mean));
        Assert.Equal(Math.Sqrt(5.0 / 3.0), numeric.StandardDeviation, 12);
        Assert.Equal([1.0, 2.5, 4.0], numeric.BinEdges);
        Assert.Equal([2L, 2L], numeric.BinCounts);
    }

    [Fact]
    public void Interpolates_bin_edges_between_values_and_counts_each_value_once()
    {
        var values = Enumerable.Range(0, 11).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var numeric = DatasetProfiler.Profile(Dataset(("x", values)), binCount: 4).Columns[0].Numeric!;

        Assert.Equal([0, 2.5, 5, 7.5, 10], numeric.BinEdges);
        Assert.Equal([3L, 2L, 3L, 3L], numeric.BinCounts);
    }

    [Fact]
    public void Puts_values_outside_the_baseline_range_in_the_end_bins()
    {
        double[] edges = [0, 1, 2];

        Assert.Equal(0, QuantileBins.IndexOf(edges, -5));
        Assert.Equal(1, QuantileBins.IndexOf(edges, 2));
        Assert.Equal(1, QuantileBins.IndexOf(edges, 99));
    }

    [Fact]
    public void Infers_numeric_boolean_and_categorical_columns()
    {
        var profile = DatasetProfiler.Profile(Dataset(
            ("number", ["1", "0", "1"]),
            ("flag", ["true", "False", null]),
            ("colour", ["red", "1", "blue"])));

        Assert.Equal([ColumnKind.Numeric, ColumnKind.Boolean, ColumnKind.Categorical], profile.Columns.Select(c => c.Kind));
        Assert.Equal(["false", "true"], profile.Columns[1].Categorical!.TopValues.Select(v => v.Value).Order());
    }

    [Fact]
    public void Lists_top_categorical_values_by_frequency_with_ties_in_ordinal_order()
    {
        var profile = DatasetProfiler.Profile(Dataset(("c", ["b", "a", "c", "a", "b", "d", null])), topValueCount: 3);

        var categorical = profile.Columns[0].Categorical!;
        Assert.Equal(4, categorical.DistinctCount);
        Assert.Equal(
            [new ValueFrequency("a", 2, 2 / 6.0), new ValueFrequency("b", 2, 2 / 6.0), new ValueFrequency("c", 1, 1 / 6.0)],
            categorical.TopValues);
    }

    [Fact]
    public void Round_trips_through_json_as_a_drift_baseline()
    {
        var profile = DatasetProfiler.Profile(SampleData.Iris);

        var json = JsonSerializer.Serialize(profile);
        var back = JsonSerializer.Deserialize<DatasetProfile>(json)!;

        Assert.Contains("\"Kind\":\"Numeric\"", json, StringComparison.Ordinal);
        Assert.Equal(150, back.RowCount);
        Assert.Equal(profile.Columns.Select(c => c.Name), back.Columns.Select(c => c.Name));
        Assert.Equal(profile.Columns[2].Numeric!.BinEdges, back.Columns[2].Numeric!.BinEdges);
        Assert.Equal(profile.Columns[2].Numeric!.BinCounts, back.Columns[2].Numeric!.BinCounts);
        Assert.Equal(150, back.Columns[2].Numeric!.BinCounts.Sum());
    }

    private static Dataset Dataset(params (string Name, string?[] Values)[] columns) =>
        new(
            [.. columns.Select(c => c.Name)],
            [.. Enumerable.Range(0, columns[0].Values.Length).Select(r => columns.Select(c => c.Values[r]).ToArray())]);
}
