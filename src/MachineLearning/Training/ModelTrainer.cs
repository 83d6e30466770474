using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Platform.MachineLearning.Training.Hyperparameters;
using Platform.MachineLearning.Training.Model;
using Platform.MachineLearning.Training.Progress;
using Platform.MachineLearning.Training.Trainers;

namespace Platform.MachineLearning.Training;

/// <summary>
/// Trains a model with a built-in ML.NET trainer: validates the request and hyper-parameters, fits
/// imputation (and normalisation) on the training split, fits the trainer (early stopping on the
/// validation split where it can), reads the model out for export and reports progress per phase and
/// per round. Cancellation is checked between phases (ML.NET's trainers cannot be interrupted).
/// </summary>
public static class ModelTrainer
{
    public static TrainedModel Train(TrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        TrainingRequestValidator.Validate(request);
        var hyperparameters = HyperparameterValidator.Validate(request.Trainer, request.Hyperparameters);
        var encoding = CategoryEncoding.Fit(request.Training);
        var trainingTable = encoding.Expand(request.Training);
        var validation = request.Validation is { RowCount: > 0 } v ? encoding.Expand(v) : null;
        Report(progress, TrainingPhase.Preparing, $"{request.Training.RowCount} training rows, {validation?.RowCount ?? 0} validation rows, "
            + $"{request.Training.FeatureNames.Count} numeric and {request.Training.CategoricalNames.Count} categorical features ({trainingTable.FeatureNames.Count} after one-hot encoding)");
        cancellationToken.ThrowIfCancellationRequested();

        var ml = new MLContext(request.Seed);
        var factory = TrainerFactories.For(request.Trainer);
        var training = DataViewBuilder.Labelled(ml, trainingTable, request.Task);
        var validationView = validation is null ? null : DataViewBuilder.Labelled(ml, validation, request.Task);

        Report(progress, TrainingPhase.Preprocessing, factory.NormalisesFeatures ? "Fitting mean imputation and min-max normalisation" : "Fitting mean imputation");
        var (preprocessor, preprocessing) = PreprocessingPipeline.Fit(ml, training, trainingTable, factory.NormalisesFeatures);
        cancellationToken.ThrowIfCancellationRequested();

        Report(progress, TrainingPhase.Training, $"Training {request.Trainer} for {request.Task}");
        var predictor = factory.Fit(ml, request.Task, preprocessor.Transform(training), validationView is null ? null : preprocessor.Transform(validationView), hyperparameters, request.Seed);
        cancellationToken.ThrowIfCancellationRequested();

        var parameters = ((IPredictionTransformer<object>)predictor).Model;
        var (score, output) = ModelDefinitionReader.Read(parameters, request.Trainer, trainingTable.FeatureNames.Count);
        var definition = new ModelDefinition(request.Task, request.Trainer, request.Training.FeatureNames, request.Training.Classes, preprocessing, score, output)
        {
            Encoding = encoding,
        };
        var finalMetrics = IterationMetrics.Report(definition, trainingTable, validation, progress, cancellationToken);

        var requested = request.Trainer == TrainerKind.Linear ? (int?)null : hyperparameters.Integer(HyperparameterCatalog.NumberOfIterations);
        var summary = new TrainingSummary(
            score.Iterations,
            requested,
            requested is { } r && score.Iterations < r && validation is not null,
            request.Training.RowCount,
            validation?.RowCount ?? 0,
            Stopwatch.GetElapsedTime(started),
            finalMetrics);
        progress?.Report(new TrainingProgress(TrainingPhase.Completed, $"Trained {score.Iterations} round(s) in {summary.Duration.TotalSeconds:F1} s", score.Iterations, score.Iterations, finalMetrics));

        var pipeline = new TransformerChain<ITransformer>(preprocessor, predictor);
        return new TrainedModel(ml, pipeline, definition, request, hyperparameters.Resolved, summary);
    }

    private static void Report(IProgress<TrainingProgress>? progress, TrainingPhase phase, string message) =>
        progress?.Report(new TrainingProgress(phase, message, null, null, new Dictionary<string, double>()));
}
