using Platform.MachineLearning.Datasets;
using Platform.MachineLearning.Federated.Training;
using Platform.MachineLearning.Tests.Support;
using Platform.MachineLearning.Training;

namespace Platform.MachineLearning.Tests.Federated.Training;

/// <summary>Labelled rows for the federated trainer's tests: the digits sample split 75/25, iris, and seeded random rows.</summary>
public static class FederatedSamples
{
    public const int Seed = 11;

    private static readonly Lazy<(Rows Train, Rows Test)> DigitsSplit = new(() =>
    {
        var table = SampleData.Table(Scenario.Digits);
        var split = DatasetSplitter.ByFractions(table.RowCount, new SplitFractions(0.75, 0, 0.25), Seed);
        return (Rows.Of(table.SelectRows(split.Train)), Rows.Of(table.SelectRows(split.Test)));
    });

    /// <summary>Digits, raw pixel values, 75 % for training and 25 % held out.</summary>
    public static (Rows Train, Rows Test) Digits => DigitsSplit.Value;

    public static Rows Iris => Rows.Of(SampleData.Table(Scenario.Iris));

    /// <summary>Rows of standard-normal-ish values and random labels, for the maths checks.</summary>
    public static Rows Random(int seed, int count, int features, int classes)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, features).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray())
            .ToArray();
        return new Rows(rows, [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))]);
    }

    /// <summary>The rows scaled by a scaling fitted on <paramref name="fittedOn"/>'s summaries (the rows themselves by default).</summary>
    public static (Rows Scaled, FeatureScaling Scaling) Scaled(Rows rows, Rows? fittedOn = null)
    {
        var scaling = FeatureScaling.FromColumnSummaries(ColumnSummary.OfRows((fittedOn ?? rows).Features, rows.Features[0].Length));
        return (rows.Scaled(scaling), scaling);
    }
}

/// <summary>Feature rows with their class indices.</summary>
public sealed record Rows(float[][] Features, int[] Labels)
{
    public int Count => Features.Length;

    public static Rows Of(FeatureTable table) => new(table.Rows, [.. table.Labels.Select(l => (int)l)]);

    public Rows Scaled(FeatureScaling scaling) => new([.. Features.Select(row => scaling.Apply(row))], Labels);

    public Rows Select(IReadOnlyList<int> indices) => new([.. indices.Select(i => Features[i])], [.. indices.Select(i => Labels[i])]);
}
