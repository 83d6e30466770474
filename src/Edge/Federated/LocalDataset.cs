using System.Globalization;
using Platform.Contracts.Federated;
using Platform.MachineLearning.Datasets;

namespace Platform.Edge.Federated;

/// <summary>
/// A site's own dataset, which never leaves it: its rows (a held-out part kept for local validation), and the summary the
/// platform is told instead (row count; per column its kind, missing count, min, max and mean, or the label's values).
/// </summary>
internal sealed class LocalDataset
{
    /// <summary>The share of rows a site keeps aside to validate each round's model on (never trained on).</summary>
    public const double ValidationShare = 0.2;

    private readonly Dataset _data;
    private readonly int[] _training;
    private readonly int[] _validation;

    public LocalDataset(string name, Dataset data, string labelColumn, int seed = 0)
    {
        (Name, _data, LabelColumn) = (name, data, labelColumn);
        if (data.IndexOf(labelColumn) < 0)
        {
            throw new InvalidDataException($"Dataset '{name}' has no label column '{labelColumn}'.");
        }

        var order = Enumerable.Range(0, data.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        var held = data.RowCount >= 5 ? (int)Math.Ceiling(data.RowCount * ValidationShare) : 0;
        (_validation, _training) = (order[..held], order[held..]);
    }

    public string Name { get; }
    public string LabelColumn { get; }
    public int TrainingRows => _training.Length;

    public static LocalDataset FromCsv(string name, string path, string labelColumn, int seed = 0) => new(name, CsvDatasetReader.ReadFile(path), labelColumn, seed);

    /// <summary>What the platform is told: counts and per-column figures, never a value of a row beyond min, max and mean.</summary>
    public SiteDatasetSummary Summary()
    {
        var columns = new List<SiteColumn>();
        foreach (var column in _data.ColumnNames)
        {
            var values = _data.Column(column).ToList();
            var missing = values.Count(v => string.IsNullOrWhiteSpace(v));
            var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (column == LabelColumn)
            {
                columns.Add(new SiteColumn(column, "category", missing, null, null, null, [.. present.Select(v => v!).Distinct().Take(100)]));
            }
            else if (present.All(v => Number(v) is not null))
            {
                var numbers = present.Select(v => Number(v)!.Value).ToList();
                columns.Add(new SiteColumn(column, "number", missing, numbers.DefaultIfEmpty().Min(), numbers.DefaultIfEmpty().Max(), numbers.Count == 0 ? 0 : numbers.Average()));
            }
            else
            {
                columns.Add(new SiteColumn(column, "category", missing, null, null, null, null));
            }
        }

        return new SiteDatasetSummary(_data.RowCount, columns);
    }

    /// <summary>The training or validation rows as the model reads them: its features in order (NaN where missing), and each row's class index; rows of a class the model lacks are left out.</summary>
    public (List<float[]> Rows, List<int> Labels) Rows(FederatedModelSpec model, bool validation)
    {
        var indices = model.Features.Select(_data.IndexOf).ToArray();
        var label = _data.IndexOf(LabelColumn);
        var classes = model.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var (rows, labels) = (new List<float[]>(), new List<int>());
        foreach (var r in validation ? _validation : _training)
        {
            var row = _data.Rows[r];
            if (row[label] is { } value && classes.TryGetValue(value, out var index))
            {
                rows.Add([.. indices.Select(i => i < 0 ? float.NaN : (float)(Number(row[i]) ?? double.NaN))]);
                labels.Add(index);
            }
        }

        return (rows, labels);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
