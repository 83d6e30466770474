using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>Reads CSV or Parquet through the machine-learning library, profiles every column and works out the split.</summary>
internal sealed class DatasetInspector : IDatasetInspector
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task<DatasetInspection> InspectAsync(Stream content, string format, DatasetSplitRequest split, CancellationToken cancellationToken)
    {
        Dataset dataset;
        try
        {
            dataset = await DatasetFiles.ReadAsync(content, format, cancellationToken);
        }
        catch (DatasetFormatException e)
        {
            throw RequestValidationException.For("content", e.Message);
        }

        var profile = DatasetProfiler.Profile(dataset);
        return new DatasetInspection(dataset.RowCount, dataset.ColumnNames.Count, JsonSerializer.Serialize(profile, Json), SplitDescription.Of(dataset, split));
    }
}
