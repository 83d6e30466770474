using System.Text.Json.Serialization;

namespace Platform.Domain.Federated;

/// <summary>
/// What a federated training does (docs/decisions/ADR-009): the built-in model it trains, the sites a label selector
/// picks among those that consented and hold the named local dataset, how many take part in each round, how they train,
/// how their updates become one, with what privacy and compression, and when a round gives up on its stragglers.
/// </summary>
public sealed record FederationPlan(
    FederatedModelPlan Model,
    string Dataset,
    string LabelColumn,
    string Selector,
    int Rounds,
    SiteSampling Sampling,
    LocalTrainingPlan Training,
    StrategyPlan Strategy,
    CompressionPlan Compression,
    PrivacyPlan? Privacy,
    bool SecureAggregation,
    int RoundDeadlineSeconds,
    int Quorum,
    int MaxRoundAttempts,
    SiteAdmission Admission,
    int Seed,
    EvaluationPlan? Evaluation = null);

/// <summary>Server-side evaluation after each round: the global model on a part (train, validation or test) of a dataset version the platform holds.</summary>
public sealed record EvaluationPlan(string Dataset, int Version, string Part);

/// <summary>The built-in federated model: softmax regression, or an MLP with one ReLU hidden layer of <see cref="Hidden"/> units.</summary>
public sealed record FederatedModelPlan(FederatedModelKind Kind, int Hidden);

[JsonConverter(typeof(JsonStringEnumConverter<FederatedModelKind>))]
public enum FederatedModelKind
{
    Softmax,
    Mlp,
}

/// <summary>How many of the available sites a round asks: the <see cref="Fraction"/> of them, never fewer than <see cref="MinSites"/>.</summary>
public sealed record SiteSampling(double Fraction, int MinSites);

/// <summary>What each site does with the global weights: mini-batch SGD for <see cref="Epochs"/> over its local rows.</summary>
public sealed record LocalTrainingPlan(int Epochs, int BatchSize, double LearningRate);

/// <summary>
/// How a round's updates become the next global weights: FedAvg (weighted by samples), FedProx (FedAvg with the proximal
/// term <see cref="ProximalMu"/> on the sites), FedAdam/FedYogi (a server optimiser at <see cref="ServerLearningRate"/>),
/// or a robust one that needs each update (median, trimmed mean of <see cref="TrimShare"/>, Krum tolerating <see cref="Byzantine"/>).
/// </summary>
public sealed record StrategyPlan(FederatedStrategy Kind, double ProximalMu, double ServerLearningRate, double TrimShare, int Byzantine)
{
    /// <summary>Whether it needs each site's update, so it cannot run under secure aggregation.</summary>
    [JsonIgnore]
    public bool NeedsEachUpdate => Kind is FederatedStrategy.Median or FederatedStrategy.TrimmedMean or FederatedStrategy.Krum;
}

[JsonConverter(typeof(JsonStringEnumConverter<FederatedStrategy>))]
public enum FederatedStrategy
{
    FedAvg,
    FedProx,
    FedAdam,
    FedYogi,
    Median,
    TrimmedMean,
    Krum,
}

/// <summary>How a site sends its update: float32, or int8 with stochastic rounding; optionally only its <see cref="TopK"/> largest changes.</summary>
public sealed record CompressionPlan(UpdateEncodingKind Encoding, int? TopK);

[JsonConverter(typeof(JsonStringEnumConverter<UpdateEncodingKind>))]
public enum UpdateEncodingKind
{
    Float32,
    Int8,
}

/// <summary>
/// Central differential privacy: each update clipped to L2 norm <see cref="ClipNorm"/>, Gaussian noise of
/// <see cref="NoiseMultiplier"/> × the clip on the round's sum, ε accounted for <see cref="Delta"/>; a round that would
/// pass <see cref="EpsilonBudget"/> is not started.
/// </summary>
public sealed record PrivacyPlan(double ClipNorm, double NoiseMultiplier, double Delta, double? EpsilonBudget);

/// <summary>How a site consents: an Operator admits it, or it carries the consent label (<see cref="Federation.ConsentLabel"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SiteAdmission>))]
public enum SiteAdmission
{
    Operator,
    Labels,
}
