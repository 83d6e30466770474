using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Support;

/// <summary>Seeded 70/15/15 splits of a scenario and modest hyper-parameters that keep the suite fast.</summary>
public static class ScenarioTraining
{
    public const int Seed = 7;

    public static (FeatureTable Train, FeatureTable Validation, FeatureTable Test) Split(Scenario scenario, FeatureTable? table = null)
    {
        table ??= SampleData.Table(scenario);
        var split = DatasetSplitter.ByFractions(table.RowCount, new SplitFractions(0.7, 0.15, 0.15), Seed);
        return (table.SelectRows(split.Train), table.SelectRows(split.Validation), table.SelectRows(split.Test));
    }

    public static TrainingRequest Request(TrainerKind trainer, Scenario scenario, FeatureTable? table = null)
    {
        var (train, validation, _) = Split(scenario, table);
        return new TrainingRequest(
            SampleData.TaskOf(scenario), trainer, train, validation, HyperparametersFor(trainer, scenario), Seed, SampleData.LabelOf(scenario));
    }

    public static Dictionary<string, string> HyperparametersFor(TrainerKind trainer, Scenario scenario) => (trainer, scenario) switch
    {
        (TrainerKind.LightGbm, Scenario.Digits) => new() { ["numberOfIterations"] = "150", ["learningRate"] = "0.2", ["numberOfLeaves"] = "15", ["minimumExampleCountPerLeaf"] = "5" },
        (TrainerKind.LightGbm, Scenario.BreastCancer) => new() { ["numberOfIterations"] = "200", ["learningRate"] = "0.1", ["numberOfLeaves"] = "7", ["minimumExampleCountPerLeaf"] = "10" },
        (TrainerKind.LightGbm, _) => new() { ["numberOfIterations"] = "100", ["learningRate"] = "0.1", ["numberOfLeaves"] = "15", ["minimumExampleCountPerLeaf"] = "5" },
        (TrainerKind.FastTree, Scenario.Digits) => new() { ["numberOfIterations"] = "40", ["numberOfLeaves"] = "10", ["minimumExampleCountPerLeaf"] = "5" },
        (TrainerKind.FastTree, _) => new() { ["numberOfIterations"] = "100", ["numberOfLeaves"] = "10", ["minimumExampleCountPerLeaf"] = "5" },
        _ => [],
    };
}
