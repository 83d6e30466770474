namespace Platform.Contracts.Messages.Jobs;

/// <summary>
/// A Deploy job, submitted by the Api when a deployment's new revision names versions not yet validated on its hardware
/// class: for each of <see cref="Versions"/>, load the registered version's ONNX file, check its inputs against
/// <see cref="ReferenceInputs"/> (the active version's; none for a first deployment, when the first version listed is the
/// reference for the rest), run a sample (rows of the training dataset's test part, else zeros) and measure single-row
/// latency over <see cref="LatencyRuns"/> runs. The result is a <see cref="DeployJobResult"/>.
/// </summary>
public sealed record DeployJobParameters(
    string? Deployment = null,
    int Revision = 0,
    string? Model = null,
    IReadOnlyList<DeployVersionInput>? Versions = null,
    int? ReferenceVersion = null,
    IReadOnlyList<DeployTensor>? ReferenceInputs = null,
    int LatencyRuns = 200)
{
    public const int MaxLatencyRuns = 100_000;

    public static (DeployJobParameters? Value, IReadOnlyList<(string Field, string Problem)> Problems) Read(string json)
    {
        var (value, problem) = JobParametersJson.TryParse<DeployJobParameters>(json, "deploy");
        if (value is null)
        {
            return (null, [problem!.Value]);
        }

        var problems = new List<(string, string)>();
        JobParametersJson.Require(problems, "deployment", value.Deployment);
        JobParametersJson.Require(problems, "model", value.Model);
        if (value.Versions is not { Count: > 0 } || value.Versions.Any(v => v.Version < 1))
        {
            problems.Add(("versions", "must list the versions to validate (numbers of 1 or more)"));
        }

        if (value.LatencyRuns is < 1 or > MaxLatencyRuns)
        {
            problems.Add(("latencyRuns", $"must be 1 to {MaxLatencyRuns}"));
        }

        return (problems.Count == 0 ? value : null, problems);
    }
}

/// <summary>A version to validate, with the dataset version its lineage names (the sample rows) and its label column.</summary>
public sealed record DeployVersionInput(int Version, string? Dataset = null, int DatasetVersion = 0, string? LabelColumn = null);

/// <summary>A model input: name, element type (ONNX Runtime's name, e.g. <c>Float</c>) and shape (-1 for a dynamic dimension).</summary>
public sealed record DeployTensor(string Name, string ElementType, IReadOnlyList<long> Shape);

/// <summary>What a Deploy job measured, per version.</summary>
public sealed record DeployJobResult(IReadOnlyList<DeployVersionResult> Versions);

/// <summary>
/// One version's validation: the execution provider asked for and used (and why they differ), single-row latency
/// percentiles in microseconds over <paramref name="Runs"/> runs, where the sample came from (<c>dataset</c> or
/// <c>zeros</c>) and the inputs read from the model.
/// </summary>
public sealed record DeployVersionResult(
    int Version,
    string ProviderRequested,
    string ProviderUsed,
    string? ProviderFallbackReason,
    double P50Microseconds,
    double P99Microseconds,
    int Runs,
    string Sample,
    IReadOnlyList<DeployTensor> Inputs);
