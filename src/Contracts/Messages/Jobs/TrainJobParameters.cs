using System.Text.Json;

namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// A Train job: fit a built-in trainer on the train part of a dataset version's split (early stopping on its
/// validation part), publish per-round metrics to the job's run, and store the ONNX model as the run's
/// <see cref="ModelPath"/> artefact. Hyper-parameters are the trainer's (numbers or strings); the Api checks them on
/// submission and the worker again.
/// </summary>
public sealed record TrainJobParameters(
    string? Dataset = null,
    int DatasetVersion = 0,
    string? LabelColumn = null,
    string? Task = null,
    string? Trainer = null,
    Dictionary<string, JsonElement>? Hyperparameters = null,
    int Seed = 42,
    string ModelPath = "model.onnx")
{
    public static readonly string[] Tasks = ["BinaryClassification", "MulticlassClassification", "Regression"];
    public static readonly string[] Trainers = ["LightGbm", "FastTree", "Linear"];

    public static (TrainJobParameters? Value, IReadOnlyList<(string Field, string Problem)> Problems) Read(string json)
    {
        var (value, problem) = JobParametersJson.TryParse<TrainJobParameters>(json, "train");
        if (value is null)
        {
            return (null, [problem!.Value]);
        }

        var problems = new List<(string, string)>();
        JobParametersJson.Require(problems, "dataset", value.Dataset);
        if (value.DatasetVersion < 1)
        {
            problems.Add(("datasetVersion", "must be a version number (1 or more)"));
        }

        JobParametersJson.Require(problems, "labelColumn", value.LabelColumn);
        JobParametersJson.Require(problems, "task", value.Task, Tasks);
        JobParametersJson.Require(problems, "trainer", value.Trainer, Trainers);
        JobParametersJson.Require(problems, "modelPath", value.ModelPath);
        return (problems.Count == 0 ? value : null, problems);
    }

    /// <summary>The hyper-parameters as the trainers read them: text, numbers in invariant culture.</summary>
    public IReadOnlyDictionary<string, string> HyperparameterTexts() =>
        (Hyperparameters ?? []).ToDictionary(
            p => p.Key,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
            StringComparer.Ordinal);
}
