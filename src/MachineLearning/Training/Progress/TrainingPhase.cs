using System.Text.Json.Serialization;

namespace Platform.MachineLearning.Training.Progress;

/// <summary>The phases a training run reports, in order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingPhase>))]
public enum TrainingPhase
{
    /// <summary>Request validated, data being prepared.</summary>
    Preparing,

    /// <summary>Imputation (and normalisation) being fitted on the training split.</summary>
    Preprocessing,

    /// <summary>The ML.NET trainer is running (ML.NET offers no per-iteration callback, so this is one event).</summary>
    Training,

    /// <summary>One event per boosting round (or one for a linear model) with training and validation metrics.</summary>
    Iteration,

    /// <summary>Done; the event carries the final metrics.</summary>
    Completed,
}
