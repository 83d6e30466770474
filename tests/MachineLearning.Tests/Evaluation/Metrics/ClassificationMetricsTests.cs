using Platform.MachineLearning.Evaluation.Metrics;

namespace Platform.MachineLearning.Tests.Evaluation.Metrics;

public sealed class ClassificationMetricsTests
{
    private static readonly string[] ThreeClasses = ["a", "b", "c"];

    [Fact]
    public void A_class_never_predicted_has_zero_precision_and_pulls_the_macro_average_down()
    {
        // actual 0,0,0,1,1,2 predicted 0,0,1,1,1,1.
        // class a: P 2/2, R 2/3, F1 0.8; class b: P 2/4, R 2/2, F1 2/3; class c: never predicted, P 0, R 0, F1 0.
        var metrics = Compute([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 1, 1]);

        Assert.Equal(4 / 6.0, metrics.Accuracy, 12);
        Assert.Equal((1 + 0.5 + 0) / 3, metrics.MacroPrecision, 12);
        Assert.Equal(((2 / 3.0) + 1 + 0) / 3, metrics.MacroRecall, 12);
        Assert.Equal((0.8 + (2 / 3.0) + 0) / 3, metrics.MacroF1, 12);
        Assert.Equal(((3 * 1.0) + (2 * 0.5)) / 6, metrics.WeightedPrecision, 12);
        Assert.Equal(((3 * (2 / 3.0)) + (2 * 1.0)) / 6, metrics.WeightedRecall, 12);
        Assert.Equal(((3 * 0.8) + (2 * (2 / 3.0))) / 6, metrics.WeightedF1, 12);
        Assert.Equal(0, metrics.PerClass[2].Predicted);
        Assert.Equal(0, metrics.PerClass[2].Precision);
    }

    [Fact]
    public void A_class_absent_from_labels_and_predictions_is_left_out_of_the_macro_average()
    {
        var metrics = Compute([0, 1, 0, 1], [0, 1, 0, 1]);

        Assert.Equal(1, metrics.MacroPrecision);
        Assert.Equal(1, metrics.MacroF1);
        Assert.Equal(0, metrics.PerClass[2].Support);
    }

    [Fact]
    public void The_confusion_matrix_has_actual_classes_as_rows_and_predictions_as_columns()
    {
        var metrics = Compute([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 1, 1]);

        Assert.Equal([2, 1, 0], metrics.ConfusionMatrix[0]);
        Assert.Equal([0, 2, 0], metrics.ConfusionMatrix[1]);
        Assert.Equal([0, 1, 0], metrics.ConfusionMatrix[2]);
    }

    [Fact]
    public void Binary_auc_is_the_positive_class_auc_with_ties_counted_half()
    {
        float[][] probabilities = [[0.8f, 0.2f], [0.5f, 0.5f], [0.5f, 0.5f], [0.1f, 0.9f]];

        var metrics = ClassificationMetricsCalculator.Compute([0, 0, 1, 1], probabilities, ["no", "yes"]);

        Assert.Equal(0.875, metrics.RocAuc);
    }

    [Fact]
    public void Multiclass_auc_is_the_mean_one_versus_rest_auc_over_classes_with_positives()
    {
        // Worked per class below; class c has no rows, so its AUC is undefined and left out of the mean.
        float[][] probabilities =
        [
            [0.6f, 0.3f, 0.1f], // actual a
            [0.2f, 0.7f, 0.1f], // actual b
            [0.5f, 0.4f, 0.1f], // actual b
            [0.3f, 0.6f, 0.1f], // actual a
        ];

        var metrics = ClassificationMetricsCalculator.Compute([0, 1, 1, 0], probabilities, ThreeClasses);

        // a vs rest: positives 0.6, 0.3; negatives 0.2, 0.5 -> pairs won 1 + 1 + 1 + 0 = 3/4.
        // b vs rest: positives 0.7, 0.4; negatives 0.3, 0.6 -> pairs won 1 + 1 + 1 + 0 = 3/4.
        Assert.Equal(0.75, metrics.PerClass[0].RocAuc);
        Assert.Equal(0.75, metrics.PerClass[1].RocAuc);
        Assert.Null(metrics.PerClass[2].RocAuc);
        Assert.Equal(0.75, metrics.RocAuc);
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_true_class()
    {
        var loss = LogLoss.Compute([0, 1], [[0.8f, 0.2f], [0.4f, 0.6f]]);

        Assert.Equal(-(Math.Log(0.8f) + Math.Log(0.6f)) / 2, loss, 12);
    }

    [Fact]
    public void Log_loss_clips_a_zero_probability_instead_of_returning_infinity()
    {
        var loss = LogLoss.Compute([0], [[0f, 1f]]);

        Assert.Equal(-Math.Log(1e-15), loss, 9);
    }

    [Fact]
    public void Predictions_default_to_the_most_probable_class_and_the_first_on_ties()
    {
        var metrics = ClassificationMetricsCalculator.Compute([1, 0], [[0.5f, 0.5f], [0.9f, 0.1f]], ["x", "y"]);

        Assert.Equal([1, 0], metrics.ConfusionMatrix[1]);
        Assert.Equal(0.5, metrics.Accuracy);
    }

    private static ClassificationMetrics Compute(int[] actual, int[] predicted)
    {
        var probabilities = predicted.Select(p => Enumerable.Range(0, 3).Select(k => k == p ? 0.8f : 0.1f).ToArray()).ToArray();
        return ClassificationMetricsCalculator.Compute(actual, probabilities, ThreeClasses, predicted);
    }
}
