using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Training;

/// <summary>The built-in trainers (ML.NET), each available for every <see cref="TrainingTask"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainerKind>))]
public enum TrainerKind
{
    /// <summary>LightGBM gradient-boosted trees (multiclass: one ensemble per class and softmax).</summary>
    LightGbm,

    /// <summary>FastTree gradient-boosted trees (multiclass: one-versus-all binary FastTree models).</summary>
    FastTree,

    /// <summary>L-BFGS logistic regression (binary), L-BFGS maximum entropy (multiclass), SDCA (regression), on min-max normalised features.</summary>
    Linear,
}
