using System.Collections.Concurrent;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Support;

/// <summary>Trains each (trainer, scenario) model once per test run and shares it between test classes.</summary>
public static class TrainedModelCache
{
    private static readonly ConcurrentDictionary<(TrainerKind, Scenario), Lazy<TrainedModel>> Models = new();

    public static TrainedModel Get(TrainerKind trainer, Scenario scenario) =>
        Models.GetOrAdd((trainer, scenario), key => new Lazy<TrainedModel>(() => ModelTrainer.Train(ScenarioTraining.Request(key.Item1, key.Item2)))).Value;
}
