using System.Globalization;
using System.Text.Json;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Onnx;

/// <summary>
/// What an exported model says about itself in its ONNX metadata_props (producer "Platform"): task,
/// trainer (a built-in's name, or what a script's model says, e.g. "pytorch"), numeric feature names in input order,
/// categorical feature names (models that have them), classes in probability-column order, label column,
/// hyper-parameters and seed. Lists and maps are stored as JSON text.
/// </summary>
public sealed record OnnxModelMetadata(
    TrainingTask Task,
    string Trainer,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string> Classes,
    string LabelColumn,
    IReadOnlyDictionary<string, string> Hyperparameters,
    int Seed)
{
    public const string ProducerName = "Platform";
    public const string TaskKey = "task";
    public const string TrainerKey = "trainer";
    public const string FeatureNamesKey = "feature_names";
    public const string ClassesKey = "classes";
    public const string LabelColumnKey = "label_column";
    public const string HyperparametersKey = "hyperparameters";
    public const string SeedKey = "seed";
    public const string CategoricalFeatureNamesKey = "categorical_feature_names";

    /// <summary>
    /// Categorical features in the order of the <c>categories</c> string input (absent, so empty, for numeric-only models:
    /// their only input stays <c>features</c>).
    /// </summary>
    public IReadOnlyList<string> CategoricalFeatureNames { get; init; } = [];

    /// <summary>The key/value pairs written to metadata_props.</summary>
    public IReadOnlyDictionary<string, string> ToProperties()
    {
        var properties = new Dictionary<string, string>
        {
            [TaskKey] = Task.ToString(),
            [TrainerKey] = Trainer,
            [FeatureNamesKey] = JsonSerializer.Serialize(FeatureNames),
            [ClassesKey] = JsonSerializer.Serialize(Classes),
            [LabelColumnKey] = LabelColumn,
            [HyperparametersKey] = JsonSerializer.Serialize(Hyperparameters),
            [SeedKey] = Seed.ToString(CultureInfo.InvariantCulture),
        };
        if (CategoricalFeatureNames.Count > 0)
        {
            properties[CategoricalFeatureNamesKey] = JsonSerializer.Serialize(CategoricalFeatureNames);
        }

        return properties;
    }

    /// <summary>Reads the metadata back; a model not written by this exporter raises <see cref="InvalidDataException"/>.</summary>
    public static OnnxModelMetadata FromProperties(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        string Get(string key) => properties.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"The ONNX model has no '{key}' metadata property; was it exported by Platform?");

        return new OnnxModelMetadata(
            Enum.Parse<TrainingTask>(Get(TaskKey)),
            Get(TrainerKey),
            JsonSerializer.Deserialize<string[]>(Get(FeatureNamesKey)) ?? [],
            JsonSerializer.Deserialize<string[]>(Get(ClassesKey)) ?? [],
            Get(LabelColumnKey),
            JsonSerializer.Deserialize<Dictionary<string, string>>(Get(HyperparametersKey)) ?? [],
            int.Parse(Get(SeedKey), CultureInfo.InvariantCulture))
        {
            CategoricalFeatureNames = properties.TryGetValue(CategoricalFeatureNamesKey, out var categorical)
                ? JsonSerializer.Deserialize<string[]>(categorical) ?? []
                : [],
        };
    }
}
