using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Training.Hyperparameters;

/// <summary>The type of value a hyper-parameter takes (its text must parse as this).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HyperparameterKind>))]
public enum HyperparameterKind
{
    Integer,
    Real,
}
