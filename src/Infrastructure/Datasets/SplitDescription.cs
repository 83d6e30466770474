using System.Text.Json;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>
/// Works out a dataset version's train / validation / test split and records how (so that a trainer gets the same
/// rows again from the same file) and how many rows each part holds.
/// </summary>
internal static class SplitDescription
{
    public static string Of(Dataset dataset, DatasetSplitRequest request)
    {
        if (request.Column is { } column)
        {
            if (!dataset.ColumnNames.Contains(column, StringComparer.Ordinal))
            {
                throw RequestValidationException.For("splitColumn", $"the dataset has no column '{column}'");
            }

            DatasetSplit byColumn;
            try
            {
                byColumn = DatasetSplitter.ByColumn(dataset, column);
            }
            catch (DatasetFormatException e)
            {
                throw RequestValidationException.For("splitColumn", e.Message);
            }

            return Serialize(new { method = "column", column }, byColumn);
        }

        var train = 1 - request.ValidationFraction - request.TestFraction;
        var fractions = new SplitFractions(train, request.ValidationFraction, request.TestFraction);
        var bySeed = DatasetSplitter.ByFractions(dataset.RowCount, fractions, request.Seed);
        return Serialize(
            new { method = "seed", seed = request.Seed, fractions = new { train, validation = request.ValidationFraction, test = request.TestFraction } },
            bySeed);
    }

    private static string Serialize(object definition, DatasetSplit split) => JsonSerializer.Serialize(new
    {
        definition,
        rows = new { train = split.Train.Count, validation = split.Validation.Count, test = split.Test.Count },
    }, JsonSerializerOptions.Web);
}
