using Platform.MachineLearning.Datasets;

namespace Platform.MachineLearning.Training;

/// <summary>Derives the ordered class list of a label column: numeric labels by value, other labels in ordinal order.</summary>
public static class ClassLabels
{
    public static IReadOnlyList<string> Derive(IEnumerable<string?> labels)
    {
        var distinct = labels.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (distinct.TrueForAll(label => InvariantNumber.TryParse(label, out _)))
        {
            return [.. distinct.OrderBy(label => InvariantNumber.TryParse(label, out var v) ? v : 0).ThenBy(label => label, StringComparer.Ordinal)];
        }

        return [.. distinct.Order(StringComparer.Ordinal)];
    }
}
