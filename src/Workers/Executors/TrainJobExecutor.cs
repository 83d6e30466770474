using System.Globalization;
using System.Text.Json;
using Platform.Contracts.Messages.Jobs;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;
using Platform.MachineLearning.Training.Hyperparameters;
using Platform.MachineLearning.Training.Progress;
using Platform.Workers.Scripts;

namespace Platform.Workers.Executors;

/// <summary>
/// Trains a built-in model (<see cref="TrainJobParameters"/>): reads the dataset version's file from the Api and rebuilds
/// its split (so that errors name the file's rows), trains on the train part (early stopping on validation), publishes every round's metrics to the run,
/// and stores the ONNX model in the run. Progress: 0-10 % reading data, 10-90 % training rounds, then export. A
/// <c>Script</c> trainer runs the user's program instead (<see cref="ScriptTrainer"/>).
/// </summary>
internal sealed class TrainJobExecutor(ScriptTrainer scripts) : IJobExecutor
{
    public string Kind => "train";

    public async Task<string?> ExecuteAsync(JobExecution job, IJobReporter reporter, CancellationToken cancellationToken)
    {
        var (p, problems) = TrainJobParameters.Read(job.ParametersJson);
        if (p is null)
        {
            throw new JobInputException("Bad train parameters: " + string.Join("; ", problems.Select(x => $"{x.Field} {x.Problem}")));
        }

        if (p.IsScript)
        {
            return await scripts.RunAsync(job, p, reporter, cancellationToken);
        }

        reporter.Progress(1, "reading data", $"{p.Dataset} v{p.DatasetVersion}: the file and its split");
        var task = Enum.Parse<TrainingTask>(p.Task!);
        var data = await job.Api.ReadDatasetVersionDataAsync(p.Dataset!, p.DatasetVersion, cancellationToken);
        var (training, validating) = Tables(data, p.LabelColumn!, task);
        reporter.Log($"Read {training.RowCount} training and {validating?.RowCount ?? 0} validation rows, {training.FeatureNames.Count} features");

        var request = new TrainingRequest(task, Enum.Parse<TrainerKind>(p.Trainer!), training, validating, p.HyperparameterTexts(), p.Seed, p.LabelColumn!);
        TrainedModel model;
        try
        {
            // ML.NET trains synchronously and cannot be interrupted: off the caller's thread, cancelled between phases.
            model = await Task.Run(() => ModelTrainer.Train(request, new ReportingProgress(reporter), cancellationToken), cancellationToken);
        }
        catch (InvalidHyperparameterException e)
        {
            throw new JobInputException(e.Message);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new JobInputException(e.Message);
        }

        reporter.Progress(92, "exporting", "ONNX");
        var onnx = OnnxModelExporter.Export(model);
        await job.Api.WriteArtifactAsync(p.ModelPath, onnx, cancellationToken);
        reporter.Log($"Stored the ONNX model ({onnx.Length} bytes) as {p.ModelPath}");
        reporter.Progress(100, "done", $"{model.Summary.Iterations} round(s) in {model.Summary.Duration.TotalSeconds:F1} s");
        return JsonSerializer.Serialize(new
        {
            modelPath = p.ModelPath,
            modelBytes = onnx.Length,
            iterations = model.Summary.Iterations,
            requestedIterations = model.Summary.RequestedIterations,
            stoppedEarly = model.Summary.StoppedEarly,
            trainingRows = model.Summary.TrainingRows,
            validationRows = model.Summary.ValidationRows,
            trainSeconds = Math.Round(model.Summary.Duration.TotalSeconds, 3),
            hyperparameters = model.Hyperparameters,
            metrics = model.Summary.FinalMetrics,
        });
    }

    /// <summary>
    /// Features are the columns but the label and the split column (if split by one); classes come from the train part.
    /// Both parts keep the file's row numbers, so that a bad label is reported at its row in the uploaded file.
    /// </summary>
    private static (FeatureTable Training, FeatureTable? Validation) Tables(DatasetVersionData data, string label, TrainingTask task)
    {
        try
        {
            var (train, validation) = (data.Part("train"), data.Part("validation"));
            var features = data.Rows.ColumnNames.Where(c => c != label && c != data.SplitColumn).ToList();
            var training = FeatureTableBuilder.Build(train, label, task, features, categoricalColumns: data.NonNumericColumns);
            var validating = validation.RowCount == 0
                ? null
                : FeatureTableBuilder.Build(validation, label, task, features, training.Classes, data.NonNumericColumns);
            return (training, validating);
        }
        catch (Exception e) when (e is ArgumentException or DatasetFormatException)
        {
            throw new JobInputException(e.Message);
        }
    }

    /// <summary>Training progress as job events: every round's metrics to the run, progress 10-90 % over the rounds.</summary>
    private sealed class ReportingProgress(IJobReporter reporter) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value is { Phase: TrainingPhase.Iteration, Iteration: { } round, TotalIterations: { } total })
            {
                foreach (var (key, metric) in value.Metrics)
                {
                    reporter.Metric(key, metric, round);
                }

                reporter.Progress(10 + (80.0 * round / Math.Max(1, total)), "training", string.Create(CultureInfo.InvariantCulture, $"round {round} of {total}"));
                return;
            }

            reporter.Log(value.Message);
            if (value.Phase == TrainingPhase.Training)
            {
                reporter.Progress(10, "training", value.Message);
            }
        }
    }
}
