using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Federated;
using Platform.MachineLearning.Federated;
using Platform.MachineLearning.Federated.Compression;
using Platform.MachineLearning.Federated.Privacy;
using Platform.MachineLearning.Federated.Training;
using ModelKind = Platform.MachineLearning.Federated.Training.FederatedModelKind;

namespace Platform.Infrastructure.Federated;

/// <summary>
/// The federated maths behind <see cref="IFederatedAggregator"/>, from MachineLearning's Federated namespace: shapes from
/// summaries, seeded initial weights, the checks of untrusted update bytes, a round's strategy (with the server's clipping
/// and noise under central DP), the RDP accountant, and the ONNX export.
/// </summary>
internal sealed class FederatedAggregator : IFederatedAggregator
{
    public FederatedModelShape Shape(IReadOnlyList<SiteDataset> datasets, string labelColumn) => FederatedShapes.From(datasets, labelColumn);

    public byte[] InitialWeights(FederatedModelPlan model, FederatedModelShape shape, int seed) => Bytes(Spec(model, shape).InitialWeights(seed));

    public string? Check(ReadOnlySpan<byte> update, FederationPlan plan, int parameters)
    {
        try
        {
            if (update.Length > 1 && (UpdateFormat)update[1] != Expected(plan.Compression))
            {
                return $"must be encoded as {Expected(plan.Compression)}, as the federation's compression asks, not {(UpdateFormat)update[1]}";
            }

            UpdateEncoding.Decode(update, parameters);
            return null;
        }
        catch (InvalidUpdateException e)
        {
            return e.Message;
        }
    }

    public AggregatedWeights Aggregate(Federation federation, IReadOnlyList<(byte[] Update, long Samples)> updates)
    {
        var (plan, weights) = (federation.Plan, Floats(federation.Weights));
        var deltas = updates.Select(u => new SiteUpdate(UpdateEncoding.Decode(u.Update, weights.Length), u.Samples)).ToList();
        var delta = RoundStrategy.Combine(plan, deltas);
        var (next, state) = RoundStrategy.Step(plan, weights, delta, federation.ServerState);
        return new AggregatedWeights(Bytes(next), state);
    }

    public double Epsilon(PrivacyPlan privacy, IReadOnlyList<double> samplingRates)
    {
        var accountant = new RdpAccountant();
        foreach (var rate in samplingRates)
        {
            accountant.Add(rate, privacy.NoiseMultiplier);
        }

        return samplingRates.Count == 0 ? 0 : accountant.Epsilon(privacy.Delta);
    }

    public (double Loss, double Accuracy)? Evaluate(Federation federation, byte[] weights, Stream csv)
    {
        var (plan, shape) = (federation.Plan, federation.Shape!);
        var data = Platform.MachineLearning.Datasets.CsvDatasetReader.Read(csv);
        var (features, label) = (shape.Features.Select(data.IndexOf).ToArray(), data.IndexOf(plan.LabelColumn));
        var classes = shape.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var scaling = new FeatureScaling(shape.ImputationMeans, shape.Offset, shape.Scale);
        var (rows, labels) = (new List<float[]>(), new List<int>());
        foreach (var row in data.Rows)
        {
            if (label >= 0 && row[label] is { } value && classes.TryGetValue(value, out var index))
            {
                rows.Add(scaling.Apply([.. features.Select(f => f < 0 || !float.TryParse(row[f], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? float.NaN : x)]));
                labels.Add(index);
            }
        }

        return rows.Count == 0 ? null : LocalTrainer.Evaluate(Spec(plan.Model, shape), Floats(weights), rows, labels);
    }

    public byte[] ExportOnnx(Federation federation, string labelColumn)
    {
        var (plan, shape) = (federation.Plan, federation.Shape!);
        var hyperparameters = new Dictionary<string, string>
        {
            ["rounds"] = federation.CompletedRounds.ToString(CultureInfo.InvariantCulture),
            ["strategy"] = plan.Strategy.Kind.ToString(),
            ["localEpochs"] = plan.Training.Epochs.ToString(CultureInfo.InvariantCulture),
            ["learningRate"] = plan.Training.LearningRate.ToString(CultureInfo.InvariantCulture),
            ["hidden"] = plan.Model.Hidden.ToString(CultureInfo.InvariantCulture),
        };
        return FederatedOnnxExporter.Export(
            Spec(plan.Model, shape), Floats(federation.Weights), new FeatureScaling(shape.ImputationMeans, shape.Offset, shape.Scale),
            shape.Features, shape.Classes, labelColumn, hyperparameters, plan.Seed);
    }

    internal static FederatedModelSpec Spec(FederatedModelPlan model, FederatedModelShape shape) =>
        new(model.Kind == Domain.Federated.FederatedModelKind.Mlp ? ModelKind.Mlp : ModelKind.Softmax, shape.Features.Count, shape.Classes.Count, model.Hidden);

    private static UpdateFormat Expected(CompressionPlan compression) => (compression.Encoding, compression.TopK) switch
    {
        (UpdateEncodingKind.Int8, null) => UpdateFormat.Int8,
        (UpdateEncodingKind.Int8, _) => UpdateFormat.TopKInt8,
        (_, null) => UpdateFormat.Float32,
        _ => UpdateFormat.TopKFloat32,
    };

    internal static float[] Floats(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    internal static byte[] Bytes(ReadOnlySpan<float> values) => MemoryMarshal.AsBytes(values).ToArray();
}
