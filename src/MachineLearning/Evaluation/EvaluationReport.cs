using Platform.MachineLearning.Evaluation.Metrics;
using Platform.MachineLearning.Onnx;

namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// The result of evaluating an ONNX model on a dataset: the model's own metadata, the metrics that fit
/// its task (the other is <c>null</c>), speed, and the execution provider used. Serialisable with
/// System.Text.Json, for storage and challenger-versus-production comparison.
/// </summary>
public sealed record EvaluationReport(
    OnnxModelMetadata Model,
    int RowCount,
    ExecutionProviderReport ExecutionProvider,
    ClassificationMetrics? Classification,
    RegressionMetrics? Regression,
    LatencyReport Latency,
    DateTimeOffset EvaluatedAt);
