namespace Platform.MachineLearning.Training.Model;

/// <summary>
/// Everything the ONNX export needs, read out of a trained ML.NET pipeline: preprocessing, the score
/// function and the output step. Also scores rows in C# (used for per-iteration metrics). <see cref="FeatureNames"/> are
/// the numeric inputs; <see cref="Encoding"/> one-hot encodes the categorical ones, whose indicators follow them in the
/// vector that preprocessing and the score function see.
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
    public CategoryEncoding Encoding { get; init; } = CategoryEncoding.None;

    /// <summary>Class probabilities, or the regression score as a one-element array, of an encoded row (numeric features, then indicators).</summary>
    public float[] Predict(ReadOnlySpan<float> row) => Output.Apply(Score.Score(Preprocessing.Apply(row)));
}
