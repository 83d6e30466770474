namespace Platform.MachineLearning.Evaluation;

/// <summary>
/// Speed of a model on the evaluation machine. Batch figures time each ONNX Runtime call over
/// <see cref="BatchSize"/> rows (after one untimed warm-up batch); row figures time single-row calls
/// on up to <see cref="SingleRowSamples"/> rows.
/// </summary>
public sealed record LatencyReport(
    int BatchSize,
    int BatchCount,
    double BatchP50Milliseconds,
    double BatchP99Milliseconds,
    double RowsPerSecond,
    int SingleRowSamples,
    double RowP50Microseconds,
    double RowP99Microseconds);
