using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Platform.MachineLearning.Training.Hyperparameters;
using static Platform.MachineLearning.Training.Hyperparameters.HyperparameterCatalog;

namespace Platform.MachineLearning.Training.Trainers;

/// <summary>
/// FastTree for all tasks. Binary and regression stop early when the validation loss has worsened
/// <c>earlyStoppingRounds</c> trees in a row (ML.NET's consecutive generality-loss rule); multiclass
/// is ML.NET's one-versus-all over binary FastTree models, which cannot use a validation split.
/// </summary>
internal sealed class FastTreeTrainerFactory : ITrainerFactory
{
    public bool NormalisesFeatures => false;

    public ITransformer Fit(MLContext ml, TrainingTask task, IDataView training, IDataView? validation, HyperparameterValues hyperparameters, int seed)
    {
        var rounds = validation is null ? 0 : hyperparameters.Integer(EarlyStoppingRounds);
        EarlyStoppingRuleBase? rule = rounds > 0 ? new ConsecutiveGeneralityLossRule(rounds) : null;
        return task switch
        {
            TrainingTask.BinaryClassification => ml.BinaryClassification.Trainers.FastTree(
                Configure(WithEarlyStopping(new FastTreeBinaryTrainer.Options(), rule), hyperparameters, seed))
                .Fit(training, validation),
            TrainingTask.MulticlassClassification => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(Configure(new FastTreeBinaryTrainer.Options(), hyperparameters, seed)),
                DataViewBuilder.Label,
                useProbabilities: true)
                .Fit(training),
            _ => ml.Regression.Trainers.FastTree(
                Configure(WithEarlyStopping(new FastTreeRegressionTrainer.Options(), rule), hyperparameters, seed))
                .Fit(training, validation),
        };
    }

    /// <summary>Sets the rule only when there is one: ML.NET's trainer dereferences a rule set to null (no validation split).</summary>
    private static TOptions WithEarlyStopping<TOptions>(TOptions options, EarlyStoppingRuleBase? rule)
        where TOptions : BoostedTreeOptions
    {
        if (rule is not null)
        {
            options.EarlyStoppingRule = rule;
        }

        return options;
    }

    private static TOptions Configure<TOptions>(TOptions options, HyperparameterValues hyperparameters, int seed)
        where TOptions : BoostedTreeOptions
    {
        options.LabelColumnName = DataViewBuilder.Label;
        options.FeatureColumnName = DataViewBuilder.Features;
        options.NumberOfTrees = hyperparameters.Integer(NumberOfIterations);
        options.LearningRate = hyperparameters.Real(LearningRate);
        options.NumberOfLeaves = hyperparameters.Integer(NumberOfLeaves);
        options.MinimumExampleCountPerLeaf = hyperparameters.Integer(MinimumExampleCountPerLeaf);
        options.FeatureFraction = hyperparameters.Real(FeatureFraction);
        options.MaximumBinCountPerFeature = hyperparameters.Integer(MaximumBinCountPerFeature);
        options.NumberOfThreads = hyperparameters.Integer(NumberOfThreads);
        options.Seed = seed;
        options.FeatureSelectionSeed = seed;
        options.CategoricalSplit = false;
        return options;
    }
}
