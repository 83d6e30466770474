using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.MachineLearning.Datasets;

namespace Platform.Infrastructure.Datasets;

/// <summary>
/// A new version's split worked out while its rows stream past: a seeded split needs only the row count; a column split
/// counts each row's part (a cell that names no part is 400 naming <c>splitColumn</c> and the row). Records what
/// <see cref="SplitDescription"/> records for a whole dataset.
/// </summary>
internal sealed class SplitCounter
{
    private readonly SplitDefinition _definition;
    private readonly int _column = -1;
    private readonly int[] _counts = new int[3];

    public SplitCounter(DatasetSplitRequest request, IReadOnlyList<string> columns)
    {
        _definition = SplitDefinitions.From(request);
        if (request.Column is { } column)
        {
            _column = columns.ToList().IndexOf(column);
            if (_column < 0)
            {
                throw RequestValidationException.For("splitColumn", $"the dataset has no column '{column}'");
            }
        }
    }

    public void Add(CsvRow row)
    {
        if (_column < 0)
        {
            return;
        }

        try
        {
            _counts[DatasetSplitter.PartOf(row.Values[_column], row.RowNumber, _definition.Column!)]++;
        }
        catch (DatasetFormatException e)
        {
            throw RequestValidationException.For("splitColumn", e.Message);
        }
    }

    public string Describe(int rowCount)
    {
        var (train, validation, test) = _column >= 0
            ? (_counts[0], _counts[1], _counts[2])
            : DatasetSplitter.Sizes(rowCount, new SplitFractions(_definition.Fractions!.Train, _definition.Fractions.Validation, _definition.Fractions.Test));
        return new RecordedSplit(_definition, new SplitRows(train, validation, test)).ToJson();
    }
}
