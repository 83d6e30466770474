namespace Platform.MachineLearning.Training;

/// <summary>What a training run did, for the run record.</summary>
/// <param name="Iterations">Boosting rounds in the final model (the largest count over classes), or 1 for a linear model.</param>
/// <param name="RequestedIterations">Rounds asked for, or <c>null</c> for linear models.</param>
/// <param name="StoppedEarly">True when early stopping ended training before the requested rounds.</param>
/// <param name="TrainingRows">Rows trained on.</param>
/// <param name="ValidationRows">Validation rows (0 without a validation split).</param>
/// <param name="Duration">Wall time of the whole run.</param>
/// <param name="FinalMetrics">Metrics of the final model (keys as in <see cref="Progress.TrainingProgress"/>).</param>
public sealed record TrainingSummary(
    int Iterations,
    int? RequestedIterations,
    bool StoppedEarly,
    int TrainingRows,
    int ValidationRows,
    TimeSpan Duration,
    IReadOnlyDictionary<string, double> FinalMetrics);
