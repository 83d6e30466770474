namespace Platform.MachineLearning.Training;

/// <summary>What to train: task, trainer, data splits, hyper-parameters (as strings, validated by the trainer) and seed.</summary>
/// <param name="Task">What the model predicts.</param>
/// <param name="Trainer">Which trainer.</param>
/// <param name="Training">Training split (also what imputation and normalisation are fitted on).</param>
/// <param name="Validation">Validation split for early stopping and per-round metrics, or <c>null</c>.</param>
/// <param name="Hyperparameters">Name → value text; unknown names and bad values are rejected.</param>
/// <param name="Seed">Seed for every random choice; same request, same model.</param>
/// <param name="LabelColumn">The label column's name, recorded in the model's metadata.</param>
public sealed record TrainingRequest(
    TrainingTask Task,
    TrainerKind Trainer,
    FeatureTable Training,
    FeatureTable? Validation = null,
    IReadOnlyDictionary<string, string>? Hyperparameters = null,
    int Seed = 0,
    string LabelColumn = "label");
