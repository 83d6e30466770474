using System.Text;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Tests.Support;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class CsvDatasetReaderTests
{
    private static readonly CsvReadOptions Numeric = new() { NumericColumns = ["x"] };

    [Fact]
    public void Reads_quoted_values_holding_delimiters_quotes_and_line_breaks()
    {
        var dataset = Read("name,x\r\n\"Smith, J\",1\r\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n");

        Assert.Equal(["name", "x"], dataset.ColumnNames);
        Assert.Equal(["Smith, J", "say \"hi\"", "two\nlines"], dataset.Column("name"));
        Assert.Equal(["1", "2", "3"], dataset.Column("x"));
    }

    [Fact]
    public void Reads_every_field_of_a_file_larger_than_the_read_buffer_whatever_falls_on_a_buffer_boundary()
    {
        var rows = Enumerable.Range(0, 40_000).Select(i => (Name: $"name-{i}-{new string('x', i % 37)}", X: i % 11 == 0 ? "" : $"{i}.5")).ToArray();
        var text = "name,x\r\n" + string.Concat(rows.Select(r => $"{r.Name},{r.X}{(r.Name.Length % 2 == 0 ? "\r\n" : "\n")}"));
        Assert.True(text.Length > 3 * 256 * 1024, $"the file is only {text.Length} bytes");

        var dataset = Read(text);

        Assert.Equal(rows.Select(r => r.Name), dataset.Column("name"));
        Assert.Equal(rows.Select(r => r.X.Length == 0 ? null : r.X), dataset.Column("x"));
    }

    [Fact]
    public void Counts_rows_as_records_so_a_quoted_line_break_does_not_shift_the_row_named_in_an_error()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("name,x\n\"two\nlines\",1\nok,oops\n", Numeric));

        Assert.Equal(3, error.Row);
        Assert.Equal("x", error.Column);
    }

    [Fact]
    public void Reads_empty_cells_and_missing_markers_as_missing_values()
    {
        var dataset = Read("x,y\n1,\nNA,a\n\"\",NaN\n", Numeric);

        Assert.Equal(["1", null, null], dataset.Column("x"));
        Assert.Equal([null, "a", null], dataset.Column("y"));
    }

    [Fact]
    public void Skips_a_utf8_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a,b\n1,2\n")).ToArray();

        var dataset = CsvDatasetReader.Read(new MemoryStream(bytes));

        Assert.Equal(["a", "b"], dataset.ColumnNames);
    }

    [Fact]
    public void Streams_rows_so_that_early_rows_arrive_before_a_later_row_fails()
    {
        using var reader = new CsvDatasetReader(new MemoryStream(Encoding.UTF8.GetBytes("x\n1\n2\nbad\n")), Numeric);
        var received = new List<long>();

        Assert.Throws<DatasetFormatException>(() =>
        {
            foreach (var row in reader.ReadRows())
            {
                received.Add(row.RowNumber);
            }
        });

        Assert.Equal([2L, 3L], received);
    }

    [Theory]
    [InlineData("breast-cancer.csv", 569, 31)]
    [InlineData("digits.csv", 1797, 65)]
    [InlineData("iris.csv", 150, 5)]
    public void Reads_the_sample_datasets(string file, int rows, int columns)
    {
        var dataset = CsvDatasetReader.ReadFile(SampleData.PathOf(file), new CsvReadOptions { AllColumnsNumeric = true });

        Assert.Equal(rows, dataset.RowCount);
        Assert.Equal(columns, dataset.ColumnNames.Count);
    }

    private static Dataset Read(string content, CsvReadOptions? options = null) =>
        CsvDatasetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), options);
}
