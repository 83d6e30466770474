using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>Works out a new dataset version's split, as the upload asked for it, and records it (see <see cref="RecordedSplit"/>).</summary>
internal static class SplitDescription
{
    public static string Of(Dataset dataset, DatasetSplitRequest request)
    {
        if (request.Column is { } column && !dataset.ColumnNames.Contains(column, StringComparer.Ordinal))
        {
            throw RequestValidationException.For("splitColumn", $"the dataset has no column '{column}'");
        }

        var definition = SplitDefinitions.From(request);
        try
        {
            return RecordedSplit.Of(definition, definition.Apply(dataset)).ToJson();
        }
        catch (DatasetFormatException e)
        {
            throw RequestValidationException.For("splitColumn", e.Message);
        }
    }
}
