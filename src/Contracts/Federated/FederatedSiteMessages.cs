namespace Platform.Contracts.Federated;

/// <summary>
/// A site's local dataset as it tells the platform: its row count and a summary of each column, never a row. Numbers
/// give their min, max and mean (the server's normalisation comes from these); a category (the label) its distinct values.
/// </summary>
public sealed record SiteDatasetSummary(long? Rows, IReadOnlyList<SiteColumn>? Columns);

/// <summary>One column: <see cref="Kind"/> is <c>number</c> or <c>category</c>; missing values counted.</summary>
public sealed record SiteColumn(string? Name, string? Kind, long? Missing, double? Min, double? Max, double? Mean, IReadOnlyList<string>? Values = null);

/// <summary>
/// What a round asks of a site now: the phase (<c>Update</c> without secure aggregation; <c>AdvertiseKeys</c>,
/// <c>ShareKeys</c>, <c>MaskedUpdate</c>, <c>Unmask</c> with it), until when, the site's number in the round, the
/// model and how to train it on which local dataset, how to encode the update, and where the global weights are.
/// </summary>
public sealed record FederatedTask(
    Guid FederationId, Guid RoundId, int Round, int Attempt, string Phase, DateTimeOffset Deadline, int SiteNumber, string Dataset, string LabelColumn,
    FederatedModelSpec Model, LocalTraining Training, UpdateFormat Format, string WeightsPath, string WeightsSha256, SecureAggregationTask? SecureAggregation);

/// <summary>
/// The model: <c>Softmax</c> or <c>Mlp</c> (one ReLU layer of <see cref="Hidden"/> units), its features in input order and
/// classes in output order, and the normalisation to apply first: a missing value becomes its mean, then <c>(x − offset) · scale</c>.
/// </summary>
public sealed record FederatedModelSpec(
    string Kind, int Hidden, IReadOnlyList<string> Features, IReadOnlyList<string> Classes, float[] ImputationMeans, float[] Offset, float[] Scale);

/// <summary>
/// Local training: mini-batch SGD for <see cref="Epochs"/>, FedProx's proximal term <see cref="ProximalMu"/> (0: none),
/// the seed to shuffle with; with differential privacy the update is clipped to <see cref="ClipNorm"/> and, under secure
/// aggregation, the site adds Gaussian noise of <see cref="NoiseStandardDeviation"/> itself.
/// </summary>
public sealed record LocalTraining(int Epochs, int BatchSize, double LearningRate, double ProximalMu, int Seed, double? ClipNorm, double? NoiseStandardDeviation);

/// <summary>How to send the update: <c>Float32</c> or <c>Int8</c>, only the <see cref="TopK"/> largest changes when set; under secure aggregation int8 uses <see cref="RoundScale"/>.</summary>
public sealed record UpdateFormat(string Encoding, int? TopK, float? RoundScale);

/// <summary>
/// A site's update: <see cref="Update"/> is the encoded change to the global weights (base64), with the samples it
/// trained on, its training loss and its local validation (rows held out on the site, never sent).
/// </summary>
public sealed record SiteUpdate(string? Update, long? Samples, double? TrainingLoss, long? ValidationSamples, double? ValidationLoss, double? ValidationAccuracy);

/// <summary>A secure aggregation phase's message from a site: its payload (base64), as that phase defines it.</summary>
public sealed record SiteMessage(string? Payload);

/// <summary>
/// Secure aggregation's part of a task: the round's number of sites, the Shamir threshold, the field (16 bits for int8 at
/// the round's scale <c>clip/127</c>, 32 for fixed point), the clip every weight's change is held to, and what the phase
/// needs, by site number: the peers' key messages for <c>ShareKeys</c>; for <c>MaskedUpdate</c> the encrypted shares
/// addressed to this site and the sites that shared (<see cref="Sharers"/>); for <c>Unmask</c> which of them survived
/// and which dropped. Payloads are the messages' JSON, in base64.
/// </summary>
public sealed record SecureAggregationTask(
    int Sites, int Threshold, int FieldBits, double Clip, IReadOnlyDictionary<int, string> Peers, IReadOnlyList<int>? Sharers, IReadOnlyList<int>? Survivors,
    IReadOnlyList<int>? Dropped);
