using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Training;

/// <summary>What a model predicts; decides the trainer variant, the ONNX outputs and the metrics.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingTask>))]
public enum TrainingTask
{
    /// <summary>Two classes; the second class (in <see cref="FeatureTable.Classes"/> order) is the positive one.</summary>
    BinaryClassification,

    /// <summary>Three or more classes.</summary>
    MulticlassClassification,

    /// <summary>A real-valued target.</summary>
    Regression,
}
