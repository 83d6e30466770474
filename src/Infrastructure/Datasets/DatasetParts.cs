using System.Text;
using System.Text.Json;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Datasets;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>Rebuilds a version's split with the library (same seed or column, same rows) and writes one part as CSV.</summary>
internal sealed class DatasetParts : IDatasetParts
{
    public async Task WriteCsvAsync(Stream content, string format, JsonElement split, string part, Stream output, CancellationToken cancellationToken)
    {
        if (!split.TryGetProperty("definition", out var definition))
        {
            throw RequestValidationException.For("split", "this version was uploaded before splits were recorded; upload it again to get one");
        }

        var dataset = format == DatasetFormats.Parquet
            ? await ParquetDatasetReader.ReadAsync(content, cancellationToken)
            : await Task.Run(() => CsvDatasetReader.Read(content), cancellationToken);
        var parts = Rebuild(dataset, definition);
        var rows = part switch
        {
            "train" => parts.Train,
            "validation" => parts.Validation,
            _ => parts.Test,
        };

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', dataset.ColumnNames.Select(Quote)));
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Join(',', dataset.Rows[row].Select(cell => Quote(cell ?? ""))));
        }
    }

    private static DatasetSplit Rebuild(Dataset dataset, JsonElement definition)
    {
        if (definition.GetProperty("method").GetString() == "column")
        {
            return DatasetSplitter.ByColumn(dataset, definition.GetProperty("column").GetString()!);
        }

        var fractions = definition.GetProperty("fractions");
        return DatasetSplitter.ByFractions(
            dataset.RowCount,
            new SplitFractions(fractions.GetProperty("train").GetDouble(), fractions.GetProperty("validation").GetDouble(), fractions.GetProperty("test").GetDouble()),
            definition.GetProperty("seed").GetInt32());
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
