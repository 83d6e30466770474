using Platform.Domain.Federated;

namespace Platform.Application.Common.Interfaces;

/// <summary>
/// The federated maths the use cases need (docs/decisions/ADR-009), behind a port so that the Application stays free of
/// the numeric library: the model's shape from the sites' summaries, its initial weights, the check of a site's update,
/// a round's aggregation, the privacy accountant, and the ONNX export of the result.
/// </summary>
public interface IFederatedAggregator
{
    /// <summary>The model's features, classes and normalisation from the sites' dataset summaries (never rows).</summary>
    /// <exception cref="FederatedModelException">The summaries have no feature or fewer than two classes in common.</exception>
    FederatedModelShape Shape(IReadOnlyList<SiteDataset> datasets, string labelColumn);

    /// <summary>The weights of the first round (float32, little-endian), the same for the same seed.</summary>
    byte[] InitialWeights(FederatedModelPlan model, FederatedModelShape shape, int seed);

    /// <summary>Why a site's encoded update cannot be taken (wrong shape, not finite, malformed), or null when it can.</summary>
    string? Check(ReadOnlySpan<byte> update, FederationPlan plan, int parameters);

    /// <summary>The next global weights and server optimiser state from the round's updates (each with its samples).</summary>
    AggregatedWeights Aggregate(Federation federation, IReadOnlyList<(byte[] Update, long Samples)> updates);

    /// <summary>ε after rounds that each sampled the given share of the eligible sites (in order), for the plan's δ.</summary>
    double Epsilon(PrivacyPlan privacy, IReadOnlyList<double> samplingRates);

    /// <summary>The global model's loss and accuracy on a CSV with the model's features and label column (rows of unknown classes left out); null when no row is usable.</summary>
    (double Loss, double Accuracy)? Evaluate(Federation federation, byte[] weights, Stream csv);

    /// <summary>The federation's current weights as an ONNX model with the built-in trainers' interface.</summary>
    byte[] ExportOnnx(Federation federation, string labelColumn);
}

/// <summary>A round's result: the next global weights and the server optimiser's state.</summary>
public sealed record AggregatedWeights(byte[] Weights, byte[] ServerState);

/// <summary>The sites' datasets cannot make a model (no common feature, fewer than two classes).</summary>
public sealed class FederatedModelException(string message) : Exception(message);
