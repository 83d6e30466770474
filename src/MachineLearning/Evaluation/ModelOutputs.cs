namespace Platform.MachineLearning.Evaluation;

/// <summary>What a model produced for a set of rows, and how long each batch took.</summary>
/// <param name="Labels">Predicted class index per row (classification), else <c>null</c>.</param>
/// <param name="Probabilities">Class probabilities per row (classification), else <c>null</c>.</param>
/// <param name="Scores">Predicted value per row (regression), else <c>null</c>.</param>
/// <param name="BatchMilliseconds">Wall time of each ONNX Runtime call, in order.</param>
public sealed record ModelOutputs(long[]? Labels, float[][]? Probabilities, float[]? Scores, IReadOnlyList<double> BatchMilliseconds);
