using System.Globalization;
using Platform.Edge.Federated;
using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Evaluation;
using Platform.MachineLearning.Federated.Training;

namespace Platform.Edge.Tests.Federated;

/// <summary>
/// The digits sample (samples/datasets/digits.csv) as the federated tests use it: 25 % held out for the test part, the rest
/// split non-IID across sites by a Dirichlet(α) draw over the labels, each site's part a <see cref="LocalDataset"/>.
/// </summary>
internal sealed class FederatedDigits
{
    public const string Label = "digit";
    private static readonly Lazy<Dataset> All = new(() => CsvDatasetReader.ReadFile(Path.Combine(RepositoryRoot(), "samples", "datasets", "digits.csv")));

    public FederatedDigits(int seed = 7)
    {
        var data = All.Value;
        var order = Enumerable.Range(0, data.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        var cut = data.RowCount / 4;
        (Test, Train) = (data.SelectRows(order[..cut]), data.SelectRows(order[cut..]));
    }

    public Dataset Train { get; }
    public Dataset Test { get; }

    public IReadOnlyList<string> Features => [.. Train.ColumnNames.Where(c => c != Label)];

    /// <summary>The training part split across <paramref name="sites"/> sites by Dirichlet(<paramref name="alpha"/>) over the labels, each site's dataset named <paramref name="name"/>.</summary>
    public IReadOnlyList<LocalDataset> Sites(int sites, double alpha, int seed = 3, string name = "digits") =>
        [.. Parts(sites, alpha, seed).Select((rows, i) => new LocalDataset(name, rows, Label, seed: i))];

    /// <summary>The rows each of <see cref="Sites"/> holds.</summary>
    public IReadOnlyList<Dataset> Parts(int sites, double alpha, int seed = 3) =>
        [.. DirichletPartition.Split([.. Labels(Train)], sites, alpha, seed).Select(rows => Train.SelectRows(rows))];

    /// <summary>Rows of <paramref name="data"/> as numbers, in <see cref="Features"/> order, with their labels.</summary>
    public (float[][] Rows, int[] Labels) Numbers(Dataset data)
    {
        var indices = Features.Select(data.IndexOf).ToArray();
        return ([.. data.Rows.Select(r => indices.Select(i => float.Parse(r[i]!, CultureInfo.InvariantCulture)).ToArray())], [.. Labels(data)]);
    }

    /// <summary>The share of the test part that <paramref name="onnx"/> (a federation's model.onnx) classifies right.</summary>
    public double TestAccuracy(byte[] onnx)
    {
        var (rows, labels) = Numbers(Test);
        using var runner = new OnnxModelRunner(onnx);
        return runner.Run(rows).Labels!.Zip(labels, (p, l) => p == l ? 1.0 : 0).Average();
    }

    /// <summary>The same MLP trained on all the training rows in one place, normalised the same way: its accuracy on the test part.</summary>
    public double CentralAccuracy(int hidden = 32)
    {
        var (rows, labels) = Numbers(Train);
        var (testRows, testLabels) = Numbers(Test);
        var scaling = FeatureScaling.FromColumnSummaries(ColumnSummary.OfRows(rows, rows[0].Length));
        var spec = new FederatedModelSpec(FederatedModelKind.Mlp, rows[0].Length, 10, hidden);
        var weights = spec.InitialWeights(5);
        var result = LocalTrainer.Train(spec, weights, [.. rows.Select(r => scaling.Apply(r))], labels, new LocalTrainingOptions(30, 16, 0.2, 0, 5));
        var trained = weights.Zip(result.Delta, (w, d) => w + d).ToArray();
        return LocalTrainer.Evaluate(spec, trained, [.. testRows.Select(r => scaling.Apply(r))], testLabels).Accuracy;
    }

    private static IEnumerable<int> Labels(Dataset data) => data.Column(Label).Select(v => int.Parse(v!, CultureInfo.InvariantCulture));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Platform.sln) is not above the test's folder.");
    }
}
