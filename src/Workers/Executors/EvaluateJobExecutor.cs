using System.Text.Json;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;

namespace Platform.Workers.Executors;

/// <summary>
/// Evaluates the run's ONNX model (<see cref="EvaluateJobParameters"/>) with ONNX Runtime on one part of a dataset
/// version's split: the task's metrics go to the run as <c>{split}.{metric}</c>, the whole report (metrics, confusion
/// matrix, latency, execution provider) is stored in the run as JSON and is the job's result.
/// </summary>
internal sealed class EvaluateJobExecutor(ExecutionProviderPreference provider) : IJobExecutor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Kind => "evaluate";

    public async Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken)
    {
        var (p, problems) = EvaluateJobParameters.Read(job.ParametersJson);
        if (p is null)
        {
            throw new JobInputException("Bad evaluate parameters: " + string.Join("; ", problems.Select(x => $"{x.Field} {x.Problem}")));
        }

        reporter.Progress(1, "reading", $"model {p.ModelPath}; {p.Dataset} v{p.DatasetVersion} ({p.Split} part)");
        var model = await job.Api.ReadArtifactAsync(p.ModelPath, cancellationToken);
        Dataset data;
        await using (var part = await job.Api.OpenDatasetPartAsync(p.Dataset!, p.DatasetVersion, p.Split, cancellationToken))
        {
            using var buffer = new MemoryStream();
            await part.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            data = CsvDatasetReader.Read(buffer);
        }

        reporter.Progress(30, "evaluating", $"{data.RowCount} rows");
        EvaluationReport report;
        try
        {
            report = await Task.Run(() => OnnxModelEvaluator.Evaluate(model, data, new EvaluationOptions { ExecutionProvider = provider }, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or DatasetFormatException or ArgumentException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            throw new JobInputException($"Cannot evaluate {p.ModelPath} on {p.Dataset} v{p.DatasetVersion} ({p.Split}): {e.Message}");
        }

        foreach (var (name, value) in Metrics(report))
        {
            reporter.Metric($"{p.Split}.{name}", value, 0);
        }

        var json = JsonSerializer.Serialize(report, Json);
        await job.Api.WriteArtifactAsync(p.ReportPath, System.Text.Encoding.UTF8.GetBytes(json), cancellationToken);
        reporter.Log($"Evaluated {report.RowCount} rows on {report.ExecutionProvider.Used}: "
            + string.Join(", ", Metrics(report).Select(m => $"{m.Name} {m.Value:G4}")) + $"; report stored as {p.ReportPath}");
        reporter.Progress(100, "done", p.ReportPath);
        return json;
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
