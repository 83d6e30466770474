using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Support;

/// <summary>The sample datasets copied next to the test assembly, read once per test run.</summary>
public static class SampleData
{
    /// <summary>The regression scenario predicts this breast-cancer feature from the other 29 features (the diagnosis is left out).</summary>
    public const string RegressionTarget = "mean_texture";

    private static readonly Lazy<Dataset> BreastCancerData = new(() => Read("breast-cancer.csv"));
    private static readonly Lazy<Dataset> DigitsData = new(() => Read("digits.csv"));
    private static readonly Lazy<Dataset> IrisData = new(() => Read("iris.csv"));

    public static Dataset BreastCancer => BreastCancerData.Value;

    public static Dataset Digits => DigitsData.Value;

    public static Dataset Iris => IrisData.Value;

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "datasets", fileName);

    /// <summary>A named scenario: dataset, task and label, as a feature table over all rows.</summary>
    public static FeatureTable Table(Scenario scenario) => scenario switch
    {
        Scenario.BreastCancer => FeatureTableBuilder.Build(BreastCancer, "benign", TrainingTask.BinaryClassification),
        Scenario.Iris => FeatureTableBuilder.Build(Iris, "species", TrainingTask.MulticlassClassification),
        Scenario.Digits => FeatureTableBuilder.Build(Digits, "digit", TrainingTask.MulticlassClassification),
        _ => FeatureTableBuilder.Build(
            BreastCancer,
            RegressionTarget,
            TrainingTask.Regression,
            [.. BreastCancer.ColumnNames.Where(c => c != RegressionTarget && c != "benign")]),
    };

    public static TrainingTask TaskOf(Scenario scenario) => scenario switch
    {
        Scenario.BreastCancer => TrainingTask.BinaryClassification,
        Scenario.Regression => TrainingTask.Regression,
        _ => TrainingTask.MulticlassClassification,
    };

    public static string LabelOf(Scenario scenario) => scenario switch
    {
        Scenario.BreastCancer => "benign",
        Scenario.Iris => "species",
        Scenario.Digits => "digit",
        _ => RegressionTarget,
    };

    private static Dataset Read(string fileName) =>
        CsvDatasetReader.ReadFile(PathOf(fileName), new CsvReadOptions { AllColumnsNumeric = true });
}

/// <summary>The sample learning problems used across tests.</summary>
public enum Scenario
{
    BreastCancer,
    Iris,
    Digits,
    Regression,
}
