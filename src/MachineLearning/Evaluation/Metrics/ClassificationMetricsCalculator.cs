namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>Computes <see cref="ClassificationMetrics"/> from true class indices and predicted class probabilities.</summary>
public static class ClassificationMetricsCalculator
{
    /// <param name="actual">True class index per row.</param>
    /// <param name="probabilities">Probability per class per row.</param>
    /// <param name="classes">Class names in index order.</param>
    /// <param name="predicted">Predicted class per row; default: the most probable class (lowest index on ties).</param>
    public static ClassificationMetrics Compute(
        IReadOnlyList<int> actual,
        IReadOnlyList<float[]> probabilities,
        IReadOnlyList<string> classes,
        IReadOnlyList<int>? predicted = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var classCount = classes.Count;
        if (probabilities.Any(row => row.Length != classCount))
        {
            throw new ArgumentException($"Every probability row must have {classCount} values, one per class.", nameof(probabilities));
        }

        predicted ??= [.. probabilities.Select(ArgMax)];
        var matrix = ConfusionMatrix.Build(actual, predicted, classCount);
        var perClass = Enumerable.Range(0, classCount)
            .Select(k => ForClass(k, classes[k], matrix, actual, probabilities))
            .ToArray();
        var present = perClass.Where(c => c.Support > 0 || c.Predicted > 0).ToArray();
        var total = (double)actual.Count;
        var aucs = perClass.Select(c => c.RocAuc).OfType<double>().ToArray();

        return new ClassificationMetrics(
            actual.Count,
            Enumerable.Range(0, classCount).Sum(k => matrix[k][k]) / total,
            present.Average(c => c.Precision),
            present.Average(c => c.Recall),
            present.Average(c => c.F1),
            perClass.Sum(c => c.Precision * c.Support) / total,
            perClass.Sum(c => c.Recall * c.Support) / total,
            perClass.Sum(c => c.F1 * c.Support) / total,
            classCount == 2 ? perClass[1].RocAuc : aucs.Length > 0 ? aucs.Average() : null,
            LogLoss.Compute(actual, probabilities),
            classes,
            matrix,
            perClass);
    }

    /// <summary>Index of the largest value; the first one on ties.</summary>
    public static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static ClassMetrics ForClass(int k, string name, int[][] matrix, IReadOnlyList<int> actual, IReadOnlyList<float[]> probabilities)
    {
        var truePositives = matrix[k][k];
        var support = matrix[k].Sum();
        var predicted = matrix.Sum(row => row[k]);
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var auc = RocAuc.Compute([.. probabilities.Select(p => (double)p[k])], [.. actual.Select(a => a == k)]);
        return new ClassMetrics(name, support, predicted, precision, recall, f1, auc);
    }
}
