using System.Text.Json;

namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// A Train job. With a built-in trainer (LightGbm, FastTree, Linear): fit it on the train part of a dataset version's
/// split (early stopping on its validation part), publish per-round metrics to the job's run, and store the ONNX model
/// as the run's <see cref="ModelPath"/> artefact. With <c>Script</c>: run the user's program (<see cref="Command"/>,
/// its files being the run's artefacts under <see cref="CodePath"/>) by the script runner's contract (README). The Api
/// checks the parameters on submission and the worker again.
/// </summary>
public sealed record TrainJobParameters(
    string? Dataset = null,
    int DatasetVersion = 0,
    string? LabelColumn = null,
    string? Task = null,
    string? Trainer = null,
    Dictionary<string, JsonElement>? Hyperparameters = null,
    int Seed = 42,
    string ModelPath = "model.onnx",
    string[]? Command = null,
    string CodePath = "code/")
{
    public const string Script = "Script";
    public const int MaxCommandParts = 64;
    public static readonly string[] Tasks = ["BinaryClassification", "MulticlassClassification", "Regression"];
    public static readonly string[] Trainers = ["LightGbm", "FastTree", "Linear", Script];

    public bool IsScript => Trainer == Script;

    public static (TrainJobParameters? Value, IReadOnlyList<(string Field, string Problem)> Problems) Read(string json)
    {
        var (value, problem) = JobParametersJson.TryParse<TrainJobParameters>(json, "train");
        if (value is null)
        {
            return (null, [problem!.Value]);
        }

        var problems = new List<(string, string)>();
        JobParametersJson.Require(problems, "trainer", value.Trainer, Trainers);
        if (value.IsScript)
        {
            CheckScript(value, problems);
        }
        else
        {
            JobParametersJson.Require(problems, "dataset", value.Dataset);
            JobParametersJson.Require(problems, "labelColumn", value.LabelColumn);
            JobParametersJson.Require(problems, "task", value.Task, Tasks);
        }

        if (value.Dataset is not null && value.DatasetVersion < 1)
        {
            problems.Add(("datasetVersion", "must be a version number (1 or more)"));
        }

        JobParametersJson.Require(problems, "modelPath", value.ModelPath);
        return (problems.Count == 0 ? value : null, problems);
    }

    private static void CheckScript(TrainJobParameters value, List<(string, string)> problems)
    {
        if (value.Command is not { Length: > 0 and <= MaxCommandParts } command || command.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(("command", $"is required for Script: the program and its arguments, e.g. [\"python3\", \"train.py\"] (1 to {MaxCommandParts} non-empty parts)"));
        }

        if (value.CodePath.Contains("..", StringComparison.Ordinal) || value.CodePath.StartsWith('/'))
        {
            problems.Add(("codePath", "must be a relative artefact folder of the run, e.g. code/"));
        }
    }

    /// <summary>The hyper-parameters as the trainers read them: text, numbers in invariant culture.</summary>
    public IReadOnlyDictionary<string, string> HyperparameterTexts() =>
        (Hyperparameters ?? []).ToDictionary(
            p => p.Key,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
            StringComparer.Ordinal);
}
