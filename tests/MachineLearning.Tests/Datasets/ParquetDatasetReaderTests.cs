using Parquet;
using Parquet.Schema;
using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Tests.Datasets;

public sealed class ParquetDatasetReaderTests
{
    [Fact]
    public async Task Reads_numbers_strings_booleans_and_nulls_as_dataset_cells()
    {
        var stream = await WriteAsync();

        var dataset = await ParquetDatasetReader.ReadAsync(stream);

        Assert.Equal(["x", "name", "count", "flag"], dataset.ColumnNames);
        Assert.Equal(3, dataset.RowCount);
        Assert.Equal(["0.1", null, "-3.5E+300"], dataset.Column("x"));
        Assert.Equal(["a", null, "c"], dataset.Column("name"));
        Assert.Equal(["1", "2", "2147483647"], dataset.Column("count"));
        Assert.Equal(["true", null, "false"], dataset.Column("flag"));
    }

    [Fact]
    public async Task Numbers_read_back_to_the_exact_values_written()
    {
        var dataset = await ParquetDatasetReader.ReadAsync(await WriteAsync());

        Assert.True(InvariantNumber.TryParse(dataset.Rows[0][0]!, out var value));
        Assert.Equal(0.1, value);
    }

    [Fact]
    public async Task Rejects_a_file_that_is_not_parquet()
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(
            () => ParquetDatasetReader.ReadAsync(new MemoryStream("a,b\n1,2\n"u8.ToArray())));

        Assert.Contains("not a readable Parquet file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_file_over_the_size_limit_before_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, (await WriteAsync()).ToArray());

            var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ParquetDatasetReader.ReadFileAsync(path, maxBytes: 10));

            Assert.Contains("larger than the limit of 10 bytes", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<MemoryStream> WriteAsync()
    {
        var x = new DataField<double?>("x");
        var name = new DataField<string>("name");
        var count = new DataField<int>("count");
        var flag = new DataField<bool?>("flag");
        var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(x, name, count, flag), stream, null, false, default))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(x, new double?[] { 0.1, null, -3.5e300 }, null, null, default);
            await group.WriteAsync(name, new string?[] { "a", null, "c" }, null);
            await group.WriteAsync<int>(count, new[] { 1, 2, int.MaxValue }, null, null, default);
            await group.WriteAsync<bool>(flag, new bool?[] { true, null, false }, null, null, default);
        }

        stream.Position = 0;
        return stream;
    }
}
