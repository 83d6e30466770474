using Parquet;
using Parquet.Schema;

namespace Platform.MachineLearning.Datasets;

/// <summary>
/// Reads a Parquet file (flat schema of numbers, booleans, strings and timestamps) into a
/// <see cref="Dataset"/>, row group by row group. Numbers become invariant text that parses back to
/// the same value; nulls become missing values. Nested or list columns are rejected by name.
/// </summary>
public static class ParquetDatasetReader
{
    /// <summary>Reads a Parquet file; files over <paramref name="maxBytes"/> are rejected before reading.</summary>
    public static async Task<Dataset> ReadFileAsync(
        string path, long maxBytes = CsvReadOptions.DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new DatasetFormatException($"the file is {length} bytes, larger than the limit of {maxBytes} bytes", null, null);
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a seekable Parquet stream.</summary>
    public static async Task<Dataset> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ParquetException or IOException or InvalidDataException)
        {
            throw new DatasetFormatException($"the file is not a readable Parquet file ({ex.Message})", null, null);
        }

        await using (reader.ConfigureAwait(false))
        {
            var fields = FlatFields(reader.Schema);
            var rows = new List<string?[]>();
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var groupReader = reader.OpenRowGroupReader(group);
                var count = checked((int)groupReader.RowCount);
                var columns = new string?[fields.Length][];
                for (var c = 0; c < fields.Length; c++)
                {
                    columns[c] = await ParquetColumnReader.ReadAsync(groupReader, fields[c], count, cancellationToken).ConfigureAwait(false);
                }

                for (var r = 0; r < count; r++)
                {
                    rows.Add(columns.Select(column => column[r]).ToArray());
                }
            }

            if (rows.Count == 0)
            {
                throw new DatasetFormatException("the file has no data rows", null, null);
            }

            return new Dataset(fields.Select(field => field.Name).ToArray(), rows);
        }
    }

    private static DataField[] FlatFields(ParquetSchema schema)
    {
        foreach (var field in schema.Fields)
        {
            if (field is not DataField { IsArray: false })
            {
                throw new DatasetFormatException("nested and list columns are not supported; use flat columns", null, field.Name);
            }
        }

        return schema.DataFields;
    }
}
