namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// An Evaluate job: run the job's run's ONNX model (<see cref="ModelPath"/>) with ONNX Runtime over one part of a
/// dataset version's split (<see cref="Split"/>, by default the test part), publish the metrics to the run as
/// <c>{split}.{metric}</c>, and store the whole report as an artefact of the run.
/// </summary>
public sealed record EvaluateJobParameters(string? Dataset = null, int DatasetVersion = 0, string Split = "test", string ModelPath = "model.onnx")
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
        return (problems.Count == 0 ? value : null, problems);
    }

    /// <summary>Where the report is stored in the run.</summary>
    public string ReportPath => $"evaluations/{Dataset}-v{DatasetVersion}-{Split}.json";
}
