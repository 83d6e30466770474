namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// An Evaluate job: run an ONNX model with ONNX Runtime over one part of a dataset version's split (<see cref="Split"/>,
/// by default the test part). The model is a registered version (<see cref="Model"/> and <see cref="ModelVersion"/>:
/// the report is stored with the version) or else the job's run's artefact <see cref="ModelPath"/>. With a run, the
/// metrics go to it as <c>{split}.{metric}</c> and the whole report is stored as an artefact of it.
/// </summary>
public sealed record EvaluateJobParameters(
    string? Dataset = null, int DatasetVersion = 0, string Split = "test", string ModelPath = "model.onnx", string? Model = null, int ModelVersion = 0)
{
    public static readonly string[] Splits = ["train", "validation", "test"];

    public static (EvaluateJobParameters? Value, IReadOnlyList<(string Field, string Problem)> Problems) Read(string json)
    {
        var (value, problem) = JobParametersJson.TryParse<EvaluateJobParameters>(json, "evaluate");
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

        JobParametersJson.Require(problems, "split", value.Split, Splits);
        JobParametersJson.Require(problems, "modelPath", value.ModelPath);
        if (value.Model is not null && value.ModelVersion < 1)
        {
            problems.Add(("modelVersion", "must be a version number (1 or more) of the model"));
        }

        return (problems.Count == 0 ? value : null, problems);
    }

    /// <summary>Where the report is stored in the run.</summary>
    public string ReportPath => $"evaluations/{Dataset}-v{DatasetVersion}-{Split}.json";
}
