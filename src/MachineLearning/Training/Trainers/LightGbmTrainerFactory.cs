using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Platform.MachineLearning.Training.Hyperparameters;
using static Platform.MachineLearning.Training.Hyperparameters.HyperparameterCatalog;

namespace Platform.MachineLearning.Training.Trainers;

/// <summary>
/// LightGBM for all tasks: deterministic mode with the run's seed, early stopping on the validation
/// split (log loss for classification, RMSE for regression), multiclass with the softmax objective.
/// </summary>
internal sealed class LightGbmTrainerFactory : ITrainerFactory
{
    public bool NormalisesFeatures => false;

    public ITransformer Fit(MLContext ml, TrainingTask task, IDataView training, IDataView? validation, HyperparameterValues hyperparameters, int seed)
    {
        var earlyStopping = validation is null ? 0 : hyperparameters.Integer(EarlyStoppingRounds);
        return task switch
        {
            TrainingTask.BinaryClassification => ml.BinaryClassification.Trainers.LightGbm(
                Configure(new LightGbmBinaryTrainer.Options { EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.Logloss }, hyperparameters, seed, earlyStopping))
                .Fit(training, validation),
            TrainingTask.MulticlassClassification => ml.MulticlassClassification.Trainers.LightGbm(
                Configure(new LightGbmMulticlassTrainer.Options { UseSoftmax = true, EvaluationMetric = LightGbmMulticlassTrainer.Options.EvaluateMetricType.LogLoss }, hyperparameters, seed, earlyStopping))
                .Fit(training, validation),
            _ => ml.Regression.Trainers.LightGbm(
                Configure(new LightGbmRegressionTrainer.Options { EvaluationMetric = LightGbmRegressionTrainer.Options.EvaluateMetricType.RootMeanSquaredError }, hyperparameters, seed, earlyStopping))
                .Fit(training, validation),
        };
    }

    private static TOptions Configure<TOptions, TOutput, TTransformer, TModel>(
        LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase options,
        HyperparameterValues hyperparameters,
        int seed,
        int earlyStopping)
        where TTransformer : Microsoft.ML.ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
        where TOptions : LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase, new()
    {
        options.LabelColumnName = DataViewBuilder.Label;
        options.FeatureColumnName = DataViewBuilder.Features;
        options.NumberOfIterations = hyperparameters.Integer(NumberOfIterations);
        options.LearningRate = hyperparameters.Real(LearningRate);
        options.NumberOfLeaves = hyperparameters.Integer(NumberOfLeaves);
        options.MinimumExampleCountPerLeaf = hyperparameters.Integer(MinimumExampleCountPerLeaf);
        options.MaximumBinCountPerFeature = hyperparameters.Integer(MaximumBinCountPerFeature);
        options.EarlyStoppingRound = earlyStopping;
        options.NumberOfThreads = hyperparameters.Integer(NumberOfThreads);
        options.Seed = seed;
        options.Deterministic = true;
        options.UseCategoricalSplit = false;
        options.Booster = new GradientBooster.Options
        {
            L1Regularization = hyperparameters.Real(L1Regularization),
            L2Regularization = hyperparameters.Real(L2Regularization),
            FeatureFraction = hyperparameters.Real(FeatureFraction),
        };
        return (TOptions)options;
    }
}
