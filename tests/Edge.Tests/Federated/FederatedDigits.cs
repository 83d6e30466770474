using System.Globalization;
using Platform.Edge.Federated;
using Platform.MachineLearning.Datasets;
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

    /// <summary>The training part split across <paramref name="sites"/> sites by Dirichlet(<paramref name="alpha"/>) over the labels.</summary>
    public IReadOnlyList<LocalDataset> Sites(int sites, double alpha, int seed = 3)
    {
        var parts = DirichletPartition.Split([.. Labels(Train)], sites, alpha, seed);
        return [.. parts.Select((rows, i) => new LocalDataset("digits", Train.SelectRows(rows), Label, seed: i))];
    }

    /// <summary>Rows of <paramref name="data"/> as numbers, in <see cref="Features"/> order, with their labels.</summary>
    public (float[][] Rows, int[] Labels) Numbers(Dataset data)
    {
        var indices = Features.Select(data.IndexOf).ToArray();
        return ([.. data.Rows.Select(r => indices.Select(i => float.Parse(r[i]!, CultureInfo.InvariantCulture)).ToArray())], [.. Labels(data)]);
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
