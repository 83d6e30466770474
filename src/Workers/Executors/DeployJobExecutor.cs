using System.Text.Json;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;

namespace Platform.Workers.Executors;

/// <summary>
/// Validates the versions of a deployment's new revision on this worker's hardware before traffic moves to them
/// (<see cref="DeployJobParameters"/>): each registered version's ONNX file is loaded on the worker's execution provider,
/// its inputs are checked against the active version's (names, element types, feature count), a sample is run (rows of
/// the training dataset's test part when its lineage names one, else zeros) and single-row latency is measured. A model
/// that does not load or run, or whose inputs differ, fails the job with the reason; the result is a
/// <see cref="DeployJobResult"/>, stored with the revision by the Api.
/// </summary>
internal sealed class DeployJobExecutor(ExecutionProviderPreference provider) : IJobExecutor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => "deploy";

    public async Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken)
    {
        var (p, problems) = DeployJobParameters.Read(job.ParametersJson);
        if (p is null)
        {
            throw new JobInputException("Bad deploy parameters: " + string.Join("; ", problems.Select(x => $"{x.Field} {x.Problem}")));
        }

        var reference = p.ReferenceInputs is null ? null : new ModelProbe.Reference(p.ReferenceVersion is { } r ? $"active version {r}" : "the active version", p.ReferenceInputs);
        var results = new List<DeployVersionResult>();
        var versions = p.Versions!;
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var name = $"{p.Model} v{version.Version}";
            reporter.Progress(100.0 * i / versions.Count, "reading", name);
            var model = await job.Api.ReadModelVersionAsync(p.Model!, version.Version, cancellationToken);
            var sample = version.Dataset is { } dataset && version.DatasetVersion > 0
                ? await job.Api.ReadDatasetPartAsync(dataset, version.DatasetVersion, "test", cancellationToken)
                : null;

            reporter.Progress((100.0 * i + 30) / versions.Count, "validating", $"{name} on {provider}");
            var result = await Task.Run(
                () => ModelProbe.Run(model, version, sample, reference, new EvaluationOptions { ExecutionProvider = provider }, p.LatencyRuns, cancellationToken),
                cancellationToken);
            reference ??= new ModelProbe.Reference($"version {version.Version} (the first listed)", result.Inputs);
            results.Add(result);
            reporter.Log($"{name}: loaded on {result.ProviderUsed}{(result.ProviderFallbackReason is { } why ? $" ({why})" : "")}; "
                + $"inputs {string.Join(", ", result.Inputs.Select(ModelProbe.Describe))}; sample from {result.Sample}; "
                + $"single-row latency p50 {result.P50Microseconds:0.#} µs, p99 {result.P99Microseconds:0.#} µs over {result.Runs} runs");
        }

        reporter.Progress(100, "done", $"{versions.Count} version(s) validated for {p.Deployment} revision {p.Revision}");
        return JsonSerializer.Serialize(new DeployJobResult(results), Json);
    }
}
