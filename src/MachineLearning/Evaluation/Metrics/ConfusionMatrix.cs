namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>Counts of (actual, predicted) class pairs: rows are actual classes, columns predicted classes.</summary>
public static class ConfusionMatrix
{
    public static int[][] Build(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classCount)
    {
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{actual.Count} actual labels but {predicted.Count} predictions.", nameof(predicted));
        }

        var matrix = Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();
        for (var i = 0; i < actual.Count; i++)
        {
            if ((uint)actual[i] >= (uint)classCount || (uint)predicted[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(actual), $"Row {i}: class index {actual[i]} or {predicted[i]} is outside 0..{classCount - 1}.");
            }

            matrix[actual[i]][predicted[i]]++;
        }

        return matrix;
    }
}
