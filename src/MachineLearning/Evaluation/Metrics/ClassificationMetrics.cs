namespace Platform.MachineLearning.Evaluation.Metrics;

/// <summary>
/// Classification quality over a set of rows. Macro averages are unweighted means over the classes
/// that occur in the actual labels or the predictions; weighted averages weight each class by its
/// support. A precision or recall of 0/0 counts as 0. <see cref="RocAuc"/> is the positive class's AUC
/// for binary models and the mean one-versus-rest AUC over classes with both positives and negatives
/// for multiclass; <c>null</c> when no class has both.
/// </summary>
public sealed record ClassificationMetrics(
    int RowCount,
    double Accuracy,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    double WeightedPrecision,
    double WeightedRecall,
    double WeightedF1,
    double? RocAuc,
    double LogLoss,
    IReadOnlyList<string> Classes,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    IReadOnlyList<ClassMetrics> PerClass);

/// <summary>One class's figures; <see cref="Support"/> is its count among actual labels, <see cref="Predicted"/> among predictions.</summary>
public sealed record ClassMetrics(string Class, int Support, int Predicted, double Precision, double Recall, double F1, double? RocAuc);
