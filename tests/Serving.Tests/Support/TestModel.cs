using Microsoft.ML.OnnxRuntime;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Onnx;
using Platform.MachineLearning.Training;

namespace Platform.Serving.Tests.Support;

/// <summary>
/// A Platform model as a Train job exports it: FastTree on the breast-cancer sample (30 features, classes "0"/"1"),
/// trained once per test run (under a second) and written to a temporary folder; plus bare ONNX Runtime answers.
/// </summary>
public static class TestModel
{
    private static readonly Lazy<(byte[] Bytes, FeatureTable Table)> Trained = new(Train);
    private static readonly string Folder = Directory.CreateTempSubdirectory("platform-serving-tests").FullName;

    public static byte[] Bytes => Trained.Value.Bytes;

    public static FeatureTable Table => Trained.Value.Table;

    public static IReadOnlyList<string> FeatureNames => Table.FeatureNames;

    public static int FeatureCount => Table.FeatureNames.Count;

    public static float[] Row(int index) => Table.Rows[index % Table.RowCount];

    /// <summary>Writes the model under a new file name (a new name loads a new session) and returns its path.</summary>
    public static string WriteCopy(string name)
    {
        var path = Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, Bytes);
        return path;
    }

    /// <summary>What a bare <see cref="InferenceSession"/> says for these rows: labels and flattened probabilities.</summary>
    public static (long[] Labels, float[] Probabilities) BareRun(params float[][] rows)
    {
        using var session = new InferenceSession(Bytes);
        var data = rows.SelectMany(r => r).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(data, [rows.Length, FeatureCount]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxNames.Features], [input], [OnnxNames.Label, OnnxNames.Probabilities]);
        return (outputs[0].GetTensorDataAsSpan<long>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    private static (byte[], FeatureTable) Train()
    {
        var dataset = CsvDatasetReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "datasets", "breast-cancer.csv"), new CsvReadOptions { AllColumnsNumeric = true });
        var table = FeatureTableBuilder.Build(dataset, "benign", TrainingTask.BinaryClassification);
        var hyperparameters = new Dictionary<string, string> { ["numberOfIterations"] = "50", ["numberOfLeaves"] = "8" };
        var model = ModelTrainer.Train(new TrainingRequest(TrainingTask.BinaryClassification, TrainerKind.FastTree, table, table, hyperparameters, 7, "benign"));
        return (OnnxModelExporter.Export(model), table);
    }
}
