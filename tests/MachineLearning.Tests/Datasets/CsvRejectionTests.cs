using System.Text;
using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class CsvRejectionTests
{
    private static readonly CsvReadOptions Numeric = new() { NumericColumns = ["x"] };

    [Fact]
    public void Rejects_a_file_that_is_not_utf8_naming_row_and_column()
    {
        var latin1 = Encoding.Latin1.GetBytes("city,x\nParis,1\nMontréal,2\n");

        var error = Assert.Throws<DatasetFormatException>(() => CsvDatasetReader.Read(new MemoryStream(latin1)));

        Assert.Equal(3, error.Row);
        Assert.Equal("city", error.Column);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_utf16_file_at_its_first_row()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n1,2\n")).ToArray();

        var error = Assert.Throws<DatasetFormatException>(() => CsvDatasetReader.Read(new MemoryStream(utf16)));

        Assert.Equal(1, error.Row);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n")]
    public void Rejects_an_empty_file(string content)
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read(content));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_header_without_data_rows()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("a,b\n"));

        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void Rejects_a_ragged_row_naming_row_and_column()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("a,b,c\n1,2,3\n4,5\n"));

        Assert.Equal(3, error.Row);
        Assert.Equal("c", error.Column);
        Assert.Equal("Row 3, column 'c': the row has 2 values but the header has 3 columns", error.Message);
    }

    [Fact]
    public void Rejects_a_row_with_too_many_values_naming_the_extra_column()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("a,b\n1,2,3\n"));

        Assert.Equal(2, error.Row);
        Assert.Equal("column 3", error.Column);
    }

    [Fact]
    public void Rejects_a_non_numeric_value_in_a_numeric_column_naming_row_and_column()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("name,x\na,1.5\nb,-2e3\nc,twelve\n", Numeric));

        Assert.Equal(4, error.Row);
        Assert.Equal("x", error.Column);
        Assert.Contains("'twelve' is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_file_over_the_size_limit_naming_the_row_where_it_crosses()
    {
        var content = "a,b\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},{i}\n"));

        var error = Assert.Throws<DatasetFormatException>(() => Read(content, new CsvReadOptions { MaxBytes = 50 }));

        // Header 4 bytes, rows 2-11 ("0,0\n".."9,9\n") 40 bytes, row 12 "10,10\n" ends at byte 50: byte 51 is on row 13.
        Assert.Contains("larger than the limit of 50 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(13, error.Row);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Rejects_an_unclosed_quote_naming_the_row_it_opened_on()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("a,b\n1,\"open\n2,3\n"));

        Assert.Equal(2, error.Row);
        Assert.Equal("b", error.Column);
    }

    [Fact]
    public void Rejects_a_duplicate_column_name()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Read("a,b,a\n1,2,3\n"));

        Assert.Equal(1, error.Row);
        Assert.Equal("a", error.Column);
    }

    private static Dataset Read(string content, CsvReadOptions? options = null) =>
        CsvDatasetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), options);
}
