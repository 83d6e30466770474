using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Datasets;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>
/// Reads CSV or Parquet through the machine-learning library, profiles every column and works out the split. A CSV file
/// is streamed row by row into the profile and the split's counts, so that memory stays bounded whatever its size
/// (see <see cref="DatasetProfileBuilder"/>); a Parquet file is read whole (its readers work per column group).
/// </summary>
internal sealed class DatasetInspector : IDatasetInspector
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>64 MB: after inspecting a file at least this large, the memory it took is returned to the machine.</summary>
    private const long ReturnMemoryAfterBytes = 64L * 1024 * 1024;

    public async Task<DatasetInspection> InspectAsync(Stream content, string format, DatasetSplitRequest split, CancellationToken cancellationToken)
    {
        try
        {
            if (format == DatasetFormats.Parquet)
            {
                var dataset = await ParquetDatasetReader.ReadAsync(content, cancellationToken);
                return Describe(DatasetProfiler.Profile(dataset), dataset.ColumnNames.Count, SplitDescription.Of(dataset, split));
            }

            return await Task.Run(() => InspectCsv(content, split, cancellationToken), cancellationToken);
        }
        catch (DatasetFormatException e)
        {
            throw RequestValidationException.For("content", e.Message);
        }
    }

    private static DatasetInspection InspectCsv(Stream content, DatasetSplitRequest split, CancellationToken cancellationToken)
    {
        using var reader = new CsvDatasetReader(content, leaveOpen: true);
        var columns = reader.ColumnNames;
        var profile = new DatasetProfileBuilder(columns);
        var parts = new SplitCounter(split, columns);
        foreach (var row in reader.ReadRows())
        {
            if ((profile.RowCount & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            profile.Add(row.RowNumber, row.Values);
            parts.Add(row);
        }

        if (profile.RowCount == 0)
        {
            throw new DatasetFormatException("the file has a header but no data rows", 2, null);
        }

        var inspection = Describe(profile.Build(), columns.Count, parts.Describe(checked((int)profile.RowCount)));
        if (content.CanSeek && content.Length >= ReturnMemoryAfterBytes)
        {
            // A large file leaves the GC's heaps grown (tens of millions of short-lived cells, the duplicate index): give
            // the memory back to the machine now rather than keep it for the life of the host.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return inspection;
    }

    private static DatasetInspection Describe(DatasetProfile profile, int columnCount, string splitJson) =>
        new(profile.RowCount, columnCount, JsonSerializer.Serialize(profile, Json), splitJson);
}
