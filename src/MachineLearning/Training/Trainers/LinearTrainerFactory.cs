using Microsoft.ML;
using Microsoft.ML.Trainers;
using Platform.MachineLearning.Training.Hyperparameters;
using static Platform.MachineLearning.Training.Hyperparameters.HyperparameterCatalog;

namespace Platform.MachineLearning.Training.Trainers;

/// <summary>
/// Linear models on min-max normalised features: L-BFGS logistic regression (binary), L-BFGS maximum
/// entropy / softmax regression (multiclass) and SDCA least squares (regression). These optimisers have
/// no validation-based early stopping; they run until their tolerance or iteration limit.
/// </summary>
internal sealed class LinearTrainerFactory : ITrainerFactory
{
    public bool NormalisesFeatures => true;

    public ITransformer Fit(MLContext ml, TrainingTask task, IDataView training, IDataView? validation, HyperparameterValues hyperparameters, int seed) =>
        task switch
        {
            TrainingTask.BinaryClassification => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                Configure(new LbfgsLogisticRegressionBinaryTrainer.Options(), hyperparameters)).Fit(training),
            TrainingTask.MulticlassClassification => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                Configure(new LbfgsMaximumEntropyMulticlassTrainer.Options(), hyperparameters)).Fit(training),
            _ => ml.Regression.Trainers.Sdca(Sdca(hyperparameters)).Fit(training),
        };

    private static TOptions Configure<TOptions, TTransformer, TModel>(
        LbfgsTrainerBase<TOptions, TTransformer, TModel>.OptionsBase options, HyperparameterValues hyperparameters)
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
        where TOptions : LbfgsTrainerBase<TOptions, TTransformer, TModel>.OptionsBase, new()
    {
        options.LabelColumnName = DataViewBuilder.Label;
        options.FeatureColumnName = DataViewBuilder.Features;
        options.NumberOfThreads = hyperparameters.Integer(NumberOfThreads);
        options.L1Regularization = (float?)hyperparameters.OptionalReal(L1Regularization) ?? options.L1Regularization;
        options.L2Regularization = (float?)hyperparameters.OptionalReal(L2Regularization) ?? options.L2Regularization;
        options.OptimizationTolerance = (float?)hyperparameters.OptionalReal(OptimizationTolerance) ?? options.OptimizationTolerance;
        options.MaximumNumberOfIterations = hyperparameters.OptionalInteger(MaximumNumberOfIterations) ?? options.MaximumNumberOfIterations;
        return (TOptions)options;
    }

    private static SdcaRegressionTrainer.Options Sdca(HyperparameterValues hyperparameters) => new()
    {
        LabelColumnName = DataViewBuilder.Label,
        FeatureColumnName = DataViewBuilder.Features,
        NumberOfThreads = hyperparameters.Integer(NumberOfThreads),
        L1Regularization = (float?)hyperparameters.OptionalReal(L1Regularization),
        L2Regularization = (float?)hyperparameters.OptionalReal(L2Regularization),
        MaximumNumberOfIterations = hyperparameters.OptionalInteger(MaximumNumberOfIterations),
        ConvergenceTolerance = (float?)hyperparameters.OptionalReal(OptimizationTolerance) ?? 0.01f,
        Shuffle = true,
    };
}
