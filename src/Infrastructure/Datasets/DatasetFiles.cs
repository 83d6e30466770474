using Platform.Application.Datasets;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>Reads a stored dataset file of either format through the machine-learning library.</summary>
internal static class DatasetFiles
{
    /// <exception cref="DatasetFormatException">The file is unusable; the message names the row and column.</exception>
    public static async Task<Dataset> ReadAsync(Stream content, string format, CancellationToken cancellationToken) =>
        format == DatasetFormats.Parquet
            ? await ParquetDatasetReader.ReadAsync(content, cancellationToken)
            : await Task.Run(() => CsvDatasetReader.Read(content), cancellationToken);
}
