namespace Platform.MachineLearning.Training.Progress;

/// <summary>
/// A progress event of a training run. Metric keys are <c>train.&lt;metric&gt;</c> and
/// <c>validation.&lt;metric&gt;</c> with metric <c>logLoss</c> and <c>accuracy</c> (classification) or
/// <c>rmse</c> (regression).
/// </summary>
/// <param name="Phase">The phase.</param>
/// <param name="Message">What is happening, for a log line.</param>
/// <param name="Iteration">1-based round, for <see cref="TrainingPhase.Iteration"/>.</param>
/// <param name="TotalIterations">Rounds the model has.</param>
/// <param name="Metrics">Metric values for this event, or empty.</param>
public sealed record TrainingProgress(
    TrainingPhase Phase,
    string Message,
    int? Iteration,
    int? TotalIterations,
    IReadOnlyDictionary<string, double> Metrics);
