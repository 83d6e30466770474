using System.Text;
using System.Text.Json;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;

namespace Platform.Infrastructure.Datasets;

/// <summary>Rebuilds a version's split with the library (same seed or column, same rows) and writes one part as CSV.</summary>
internal sealed class DatasetParts : IDatasetParts
{
    public async Task WriteCsvAsync(Stream content, string format, JsonElement split, string part, Stream output, CancellationToken cancellationToken)
    {
        var recorded = RecordedSplit.Read(split)
            ?? throw RequestValidationException.For("split", "this version was uploaded before splits were recorded; upload it again to get one");
        var dataset = await DatasetFiles.ReadAsync(content, format, cancellationToken);
        var parts = recorded.Definition.Apply(dataset);
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

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
