using System.Text.Json;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;

namespace Platform.Workers.Executors;

/// <summary>
/// Evaluates a registered model version or the run's ONNX model (<see cref="EvaluateJobParameters"/>) with ONNX Runtime
/// on one part of a dataset version's split. The result is <c>{metrics, report}</c> (the Api stores it with the model
/// version); with a run, the metrics go to it as <c>{split}.{metric}</c> and the report (metrics, confusion matrix,
/// latency, execution provider) is stored in it as JSON.
/// </summary>
internal sealed class EvaluateJobExecutor(ExecutionProviderPreference provider) : IJobExecutor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public string Kind => "evaluate";

    public async Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken)
    {
        var (p, problems) = EvaluateJobParameters.Read(job.ParametersJson);
        if (p is null)
        {
            throw new JobInputException("Bad evaluate parameters: " + string.Join("; ", problems.Select(x => $"{x.Field} {x.Problem}")));
        }

        var modelName = p.Model is null ? p.ModelPath : $"{p.Model} v{p.ModelVersion}";
        reporter.Progress(1, "reading", $"model {modelName}; {p.Dataset} v{p.DatasetVersion} ({p.Split} part)");
        var model = p.Model is null
            ? await job.Api.ReadArtifactAsync(p.ModelPath, cancellationToken)
            : await job.Api.ReadModelVersionAsync(p.Model, p.ModelVersion, cancellationToken);
        // The whole file and its split, so that an error names the file's row, not the part's.
        var data = (await job.Api.ReadDatasetVersionDataAsync(p.Dataset!, p.DatasetVersion, cancellationToken)).Part(p.Split);

        reporter.Progress(30, "evaluating", $"{data.RowCount} rows");
        EvaluationReport report;
        try
        {
            report = await Task.Run(() => OnnxModelEvaluator.Evaluate(model, data, new EvaluationOptions { ExecutionProvider = provider }, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or DatasetFormatException or ArgumentException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            throw new JobInputException($"Cannot evaluate {modelName} on {p.Dataset} v{p.DatasetVersion} ({p.Split}): {e.Message}");
        }

        var metrics = Metrics(report).ToDictionary(m => m.Name, m => m.Value);
        if (job.RunId is not null)
        {
            foreach (var (name, value) in metrics)
            {
                reporter.Metric($"{p.Split}.{name}", value, 0);
            }

            await job.Api.WriteArtifactAsync(p.ReportPath, JsonSerializer.SerializeToUtf8Bytes(report, Indented), cancellationToken);
        }

        if (report.ExecutionProvider.FallbackReason is { } fallback)
        {
            reporter.Log($"{modelName} runs on the CPU: {fallback}");
        }

        reporter.Log($"Evaluated {modelName} on {report.RowCount} rows on {report.ExecutionProvider.Used}: "
            + string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value:G4}")) + (job.RunId is null ? "" : $"; report stored as {p.ReportPath}"));
        reporter.Progress(100, "done", modelName);
        return JsonSerializer.Serialize(new { metrics, report }, Json);
    }

    /// <summary>The report's headline figures, as run metrics.</summary>
    public static IEnumerable<(string Name, double Value)> Metrics(EvaluationReport report)
    {
        if (report.Classification is { } c)
        {
            yield return ("accuracy", c.Accuracy);
            yield return ("macroPrecision", c.MacroPrecision);
            yield return ("macroRecall", c.MacroRecall);
            yield return ("macroF1", c.MacroF1);
            yield return ("weightedF1", c.WeightedF1);
            yield return ("logLoss", c.LogLoss);
            if (c.RocAuc is { } auc)
            {
                yield return ("rocAuc", auc);
            }
        }

        if (report.Regression is { } r)
        {
            yield return ("rmse", r.Rmse);
            yield return ("mae", r.Mae);
            yield return ("r2", r.RSquared);
        }

        yield return ("rowP50Us", report.Latency.RowP50Microseconds);
        yield return ("rowP99Us", report.Latency.RowP99Microseconds);
        yield return ("rowsPerSecond", report.Latency.RowsPerSecond);
    }
}
