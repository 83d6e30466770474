using Platform.MachineLearning.Datasets;

namespace Platform.Workers.Executors;

public static class JobApiDatasets
{
    /// <summary>One part of a dataset version's split, read and parsed (the reader needs the whole part, so it is buffered).</summary>
    public static async Task<Dataset> ReadDatasetPartAsync(this IJobApi api, string dataset, int version, string split, CancellationToken cancellationToken)
    {
        await using var part = await api.OpenDatasetPartAsync(dataset, version, split, cancellationToken);
        using var buffer = new MemoryStream();
        await part.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return CsvDatasetReader.Read(buffer);
    }
}
