namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// Everything the ONNX export needs, read out of a trained ML.NET pipeline: preprocessing, the score
/// function and the output step. Also scores rows in C# (used for per-iteration metrics).
/// </summary>
internal sealed record ModelDefinition(
    TrainingTask Task,
    TrainerKind Trainer,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> Classes,
    Preprocessing Preprocessing,
    ScoreFunction Score,
    OutputTransform Output)
{
    /// <summary>Class probabilities, or the regression score as a one-element array.</summary>
    public float[] Predict(ReadOnlySpan<float> row) => Output.Apply(Score.Score(Preprocessing.Apply(row)));
}
