using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.MachineLearning.Datasets;

namespace Platform.Workers.Executors;

/// <summary>A dataset version as a built-in trainer or the evaluator reads it: the whole file, its split and its column kinds.</summary>
/// <param name="Rows">Every row of the file, with the file's row numbers (so that an error in one part names the file's row).</param>
/// <param name="Split">The version's split, rebuilt from its recorded definition as the Api builds it.</param>
/// <param name="SplitColumn">The column the split was taken from, if any (not a feature).</param>
/// <param name="NonNumericColumns">Columns the version's profile found categorical or boolean.</param>
public sealed record DatasetVersionData(Dataset Rows, DatasetSplit Split, string? SplitColumn, IReadOnlyCollection<string> NonNumericColumns)
{
    /// <summary>The rows of one part (train, validation or test), keeping the file's row numbers.</summary>
    public Dataset Part(string part) => Rows.SelectRows(part switch
    {
        "train" => Split.Train,
        "validation" => Split.Validation,
        _ => Split.Test,
    });
}

public static class JobApiDatasets
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One part of a dataset version's split, read and parsed (the reader needs the whole part, so it is buffered).</summary>
    public static async Task<Dataset> ReadDatasetPartAsync(this IJobApi api, string dataset, int version, string split, CancellationToken cancellationToken)
    {
        await using var part = await api.OpenDatasetPartAsync(dataset, version, split, cancellationToken);
        using var buffer = new MemoryStream();
        await part.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return CsvDatasetReader.Read(buffer);
    }

    /// <summary>
    /// The version's whole file with its split and column kinds (one read of the file, the split rebuilt here).
    /// </summary>
    /// <exception cref="JobInputException">The version does not exist, or was uploaded before splits were recorded.</exception>
    public static async Task<DatasetVersionData> ReadDatasetVersionDataAsync(this IJobApi api, string dataset, int version, CancellationToken cancellationToken)
    {
        var record = await api.ReadDatasetVersionAsync(dataset, version, cancellationToken);
        var definition = record["split"]?["definition"]?.Deserialize<SplitDefinition>(Json)
            ?? throw new JobInputException($"Dataset {dataset} v{version} was uploaded before splits were recorded; upload it again.");
        var nonNumeric = (record["profile"]?["columns"]?.AsArray() ?? [])
            .Where(c => c?["kind"]?.GetValue<string>() is { } kind && kind != nameof(ColumnKind.Numeric))
            .Select(c => c!["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var rows = await ReadContentAsync(api, dataset, version, record["format"]?.GetValue<string>() ?? "csv", cancellationToken);
        return new DatasetVersionData(rows, definition.Apply(rows), definition.Column, nonNumeric);
    }

    private static async Task<Dataset> ReadContentAsync(IJobApi api, string dataset, int version, string format, CancellationToken cancellationToken)
    {
        await using var content = await api.OpenDatasetContentAsync(dataset, version, cancellationToken);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return format == "parquet" ? await ParquetDatasetReader.ReadAsync(buffer, cancellationToken) : CsvDatasetReader.Read(buffer);
    }
}
