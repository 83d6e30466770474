namespace Platform.Web.Api;

/// <summary>The states of a federation and of one round's attempt, the strategies and the encodings, as the Api names them.</summary>
public static class FederationStates
{
    public static readonly IReadOnlyList<string> All = ["Waiting", "Running", "Completed", "Failed", "Stopped", "Cancelled"];

    public static readonly IReadOnlyList<string> Strategies = ["FedAvg", "FedProx", "FedAdam", "FedYogi", "Median", "TrimmedMean", "Krum"];

    public static readonly IReadOnlyList<string> Encodings = ["Float32", "Int8"];

    /// <summary>Waiting for sites or running rounds: it changes without raising events, so its page reads it again on a timer, and it can be cancelled or given sites.</summary>
    public static bool Active(string state) => state is "Waiting" or "Running";
}

/// <summary>A federation: its plan, where it is and why, rounds done, ε spent, and the model's features and classes once its first round opened.</summary>
public sealed record FederationInfo(
    Guid Id, string Name, Guid ExperimentId, Guid RunId, string State, FederationPlanInfo Plan, int CompletedRounds, Guid? CurrentRoundId,
    double? EpsilonSpent, string Reason, IReadOnlyList<string>? Features, IReadOnlyList<string>? Classes, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>The share of the planned rounds aggregated, in percent.</summary>
    public double DonePercent => Plan.Rounds == 0 ? 0 : 100.0 * CompletedRounds / Plan.Rounds;
}

/// <summary>
/// A federation's plan, as the Api shows it and as the new-federation form sends it (a part left null takes the Api's default;
/// <see cref="Privacy"/> null is no differential privacy).
/// </summary>
public sealed record FederationPlanInfo(
    FederatedModelInfo Model, string Dataset, string LabelColumn, string Selector, int Rounds, SiteSamplingInfo Sampling, LocalTrainingInfo Training,
    StrategyInfo Strategy, CompressionInfo Compression, PrivacyInfo? Privacy, bool SecureAggregation, int RoundDeadlineSeconds, int? Quorum,
    int? MaxRoundAttempts = null, string? Admission = null, int? Seed = null);

/// <summary>The built-in model: softmax regression (<c>Softmax</c>), or an MLP with one hidden layer of <see cref="Hidden"/> units.</summary>
public sealed record FederatedModelInfo(string Kind, int? Hidden);

/// <summary>A round asks this share of the available sites, never fewer than <see cref="MinSites"/>.</summary>
public sealed record SiteSamplingInfo(double Fraction, int MinSites);

public sealed record LocalTrainingInfo(int Epochs, int BatchSize, double LearningRate);

/// <summary>How a round's updates become one; each parameter matters to its strategies only (null: the Api's default for the kind).</summary>
public sealed record StrategyInfo(string Kind, double? ProximalMu = null, double? ServerLearningRate = null, double? TrimShare = null, int? Byzantine = null);

public sealed record CompressionInfo(string Encoding, int? TopK);

/// <summary>Central differential privacy: the clip, the noise, δ, and the ε budget that stops it (none: no budget).</summary>
public sealed record PrivacyInfo(double ClipNorm, double NoiseMultiplier, double Delta, double? EpsilonBudget);

/// <summary>One attempt of one round: its sites and phase, and once closed what it aggregated or why it failed.</summary>
public sealed record FederationRoundInfo(
    Guid Id, int Number, int Attempt, string State, string Phase, int Sites, DateTimeOffset OpenedAt, DateTimeOffset PhaseDeadline, DateTimeOffset? ClosedAt,
    int Updates, long Samples, long BytesReceived, double? TrainingLoss, double? ValidationLoss, double? ValidationAccuracy, double? Epsilon, string Reason);

/// <summary>A site of a federation: the device, whether it consents now, who admitted it and when it left.</summary>
public sealed record FederationSiteInfo(Guid DeviceId, string Device, bool Consents, string AdmittedBy, DateTimeOffset AdmittedAt, DateTimeOffset? LeftAt);

/// <summary>What admitting sites did: newly admitted (or back after leaving), and already admitted.</summary>
public sealed record AdmittedSitesInfo(int Admitted, int AlreadyAdmitted);
