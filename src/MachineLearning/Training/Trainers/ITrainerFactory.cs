using Microsoft.ML;
using Platform.MachineLearning.Training.Hyperparameters;

namespace Platform.MachineLearning.Training.Trainers;

/// <summary>Creates and fits one ML.NET trainer family for any <see cref="TrainingTask"/>.</summary>
internal interface ITrainerFactory
{
    /// <summary>Whether features are min-max normalised before this trainer (linear models).</summary>
    bool NormalisesFeatures { get; }

    /// <summary>Fits on preprocessed data; uses <paramref name="validation"/> for early stopping where the trainer can.</summary>
    ITransformer Fit(MLContext ml, TrainingTask task, IDataView training, IDataView? validation, HyperparameterValues hyperparameters, int seed);
}

/// <summary>The factory for each <see cref="TrainerKind"/>.</summary>
internal static class TrainerFactories
{
    public static ITrainerFactory For(TrainerKind trainer) => trainer switch
    {
        TrainerKind.LightGbm => new LightGbmTrainerFactory(),
        TrainerKind.FastTree => new FastTreeTrainerFactory(),
        TrainerKind.Linear => new LinearTrainerFactory(),
        _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Unknown trainer."),
    };
}
