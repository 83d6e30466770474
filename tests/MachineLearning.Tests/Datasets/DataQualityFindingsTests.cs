using System.Globalization;
using System.Text;
using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class DataQualityFindingsTests
{
    [Fact]
    public void A_numeric_column_with_one_typo_stays_numeric_and_names_the_cell_and_its_file_row()
    {
        var values = Enumerable.Range(0, 40).Select(i => (i * 0.5).ToString(CultureInfo.InvariantCulture)).ToArray();
        values[30] = "13.2x";

        var profile = Profile(("age", values));

        var column = profile.Columns[0];
        Assert.Equal(ColumnKind.Numeric, column.Kind);
        Assert.Equal((39, 0, 1), (column.Count, column.Missing, column.NotNumeric));
        Assert.Equal(19.5, column.Numeric!.Max);
        var finding = Assert.Single(profile.Findings, f => f.Issue == DataQualityIssue.NotNumeric);
        Assert.Equal(("age", 1L), (finding.Column, finding.Count));
        Assert.Equal([32L], finding.Rows);
        Assert.Equal(["13.2x"], finding.Values);
        Assert.Contains("'13.2x' at row 32", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_with_more_than_five_percent_of_words_is_categorical_without_a_finding()
    {
        string?[] values = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "ten"];

        var profile = Profile(("size", values));

        Assert.Equal(ColumnKind.Categorical, profile.Columns[0].Kind);
        Assert.DoesNotContain(profile.Findings, f => f.Issue == DataQualityIssue.NotNumeric);
    }

    [Fact]
    public void Reports_a_constant_column_numeric_or_categorical()
    {
        var profile = Profile(("x", ["1", "2", "3"]), ("unit", ["kg", "kg", "kg"]), ("zero", ["0", "0.0", "0"]));

        var constant = profile.Findings.Where(f => f.Issue == DataQualityIssue.Constant).Select(f => f.Column!).ToArray();
        Assert.Equal(["unit", "zero"], constant);
    }

    [Fact]
    public void Reports_each_column_s_missing_share_and_its_first_rows()
    {
        var profile = Profile(("a", ["1", null, "3", null]), ("b", ["x", "y", "z", "w"]));

        var finding = Assert.Single(profile.Findings, f => f.Issue == DataQualityIssue.MissingValues);
        Assert.Equal(("a", 2L, 0.5), (finding.Column, finding.Count, finding.Share));
        Assert.Equal([3L, 5L], finding.Rows);
    }

    [Fact]
    public void Reports_duplicate_rows_with_the_row_each_repeats()
    {
        var profile = Profile(("a", ["1", "2", "1", "1", null, null]), ("b", ["x", "y", "x", "z", "", null]));

        var finding = Assert.Single(profile.Findings, f => f.Issue == DataQualityIssue.DuplicateRows);
        Assert.Equal(1L, finding.Count);
        Assert.Equal([4L], finding.Rows);
        Assert.Contains("row 4 repeats row 2", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_in_findings_are_the_file_s_even_after_a_blank_line()
    {
        var csv = "a,b\n1,x\n\n,y\n3,z\n";

        var dataset = CsvDatasetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var profile = DatasetProfiler.Profile(dataset);

        Assert.Equal([2L, 4L, 5L], dataset.RowNumbers);
        Assert.Equal([4L], Assert.Single(profile.Findings, f => f.Issue == DataQualityIssue.MissingValues).Rows);
    }

    private static DatasetProfile Profile(params (string Name, string?[] Values)[] columns) =>
        DatasetProfiler.Profile(new Dataset(
            [.. columns.Select(c => c.Name)],
            [.. Enumerable.Range(0, columns[0].Values.Length).Select(r => columns.Select(c => c.Values[r]).ToArray())]));
}
