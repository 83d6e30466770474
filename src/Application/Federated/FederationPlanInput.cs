using Platform.Domain.Federated;

namespace Platform.Application.Federated;

/// <summary>
/// A federation's plan as a request gives it: every part optional, each absent value its default (softmax regression,
/// 20 rounds, every available site with at least 2 a round, one local epoch of batches of 32 at 0.1, FedAvg, float32,
/// no privacy, no secure aggregation, a 5-minute deadline, a quorum of two thirds of the minimum, 3 attempts a round,
/// sites admitted by an Operator).
/// </summary>
public sealed record FederationPlanInput(
    string? Dataset, string? LabelColumn, string? Selector, int? Rounds, ModelInput? Model, SamplingInput? Sampling, TrainingInput? Training,
    StrategyInput? Strategy, CompressionInput? Compression, PrivacyInput? Privacy, bool? SecureAggregation, int? RoundDeadlineSeconds, int? Quorum,
    int? MaxRoundAttempts, SiteAdmission? Admission, int? Seed, EvaluationInput? Evaluation = null)
{
    public FederationPlan ToPlan()
    {
        var sampling = new SiteSampling(Sampling?.Fraction ?? 1, Sampling?.MinSites ?? 2);
        var kind = Strategy?.Kind ?? FederatedStrategy.FedAvg;
        return new FederationPlan(
            new FederatedModelPlan(Model?.Kind ?? FederatedModelKind.Softmax, Model?.Hidden ?? (Model?.Kind == FederatedModelKind.Mlp ? 32 : 0)),
            Dataset?.Trim() ?? "", LabelColumn?.Trim() ?? "", Selector?.Trim() ?? "", Rounds ?? 20, sampling,
            new LocalTrainingPlan(Training?.Epochs ?? 1, Training?.BatchSize ?? 32, Training?.LearningRate ?? 0.1),
            new StrategyPlan(
                kind, Strategy?.ProximalMu ?? (kind == FederatedStrategy.FedProx ? 0.01 : 0), Strategy?.ServerLearningRate ?? (kind is FederatedStrategy.FedAdam or FederatedStrategy.FedYogi ? 0.01 : 1),
                Strategy?.TrimShare ?? 0.1, Strategy?.Byzantine ?? 0),
            new CompressionPlan(Compression?.Encoding ?? UpdateEncodingKind.Float32, Compression?.TopK),
            Privacy is null ? null : new PrivacyPlan(Privacy.ClipNorm ?? 1, Privacy.NoiseMultiplier ?? 1, Privacy.Delta ?? 1e-5, Privacy.EpsilonBudget),
            SecureAggregation ?? false, RoundDeadlineSeconds ?? 300, Quorum ?? Math.Max(1, (int)Math.Ceiling(sampling.MinSites * 2 / 3.0)),
            MaxRoundAttempts ?? 3, Admission ?? SiteAdmission.Operator, Seed ?? 0,
            Evaluation is null ? null : new EvaluationPlan(Evaluation.Dataset?.Trim() ?? "", Evaluation.Version ?? 0, Evaluation.Part ?? "test"));
    }
}

public sealed record ModelInput(FederatedModelKind? Kind, int? Hidden);

public sealed record SamplingInput(double? Fraction, int? MinSites);

public sealed record TrainingInput(int? Epochs, int? BatchSize, double? LearningRate);

public sealed record StrategyInput(FederatedStrategy? Kind, double? ProximalMu, double? ServerLearningRate, double? TrimShare, int? Byzantine);

public sealed record CompressionInput(UpdateEncodingKind? Encoding, int? TopK);

/// <summary>A dataset version the server evaluates the global model on after each round (its test part unless another is named).</summary>
public sealed record EvaluationInput(string? Dataset, int? Version, string? Part);

public sealed record PrivacyInput(double? ClipNorm, double? NoiseMultiplier, double? Delta, double? EpsilonBudget);
