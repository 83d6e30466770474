using Platform.Domain.Federated;

namespace Platform.Application.Federated;

/// <summary>A federation as the API shows it: its plan, where it is, ε spent, and the model's shape once fixed.</summary>
public sealed record FederationDto(
    Guid Id, string Name, Guid ExperimentId, Guid RunId, FederationState State, FederationPlan Plan, int CompletedRounds, Guid? CurrentRoundId,
    double? EpsilonSpent, string Reason, IReadOnlyList<string>? Features, IReadOnlyList<string>? Classes, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt)
{
    public static FederationDto From(Federation f) => new(
        f.Id, f.Name, f.ExperimentId, f.RunId, f.State, f.Plan, f.CompletedRounds, f.CurrentRoundId, f.EpsilonSpent, f.Reason, f.Shape?.Features, f.Shape?.Classes,
        f.CreatedBy, f.CreatedAt, f.EndedAt);
}

/// <summary>One attempt of one round: its sites, phase and deadline, and once closed what it aggregated or why it failed.</summary>
public sealed record FederationRoundDto(
    Guid Id, int Number, int Attempt, RoundState State, RoundPhase Phase, int Sites, DateTimeOffset OpenedAt, DateTimeOffset PhaseDeadline,
    DateTimeOffset? ClosedAt, int Updates, long Samples, long BytesReceived, double? TrainingLoss, double? ValidationLoss, double? ValidationAccuracy,
    double? Epsilon, string Reason)
{
    public static FederationRoundDto From(FederationRound r) => new(
        r.Id, r.Number, r.Attempt, r.State, r.Phase, r.Sites.Count, r.OpenedAt, r.PhaseDeadline, r.ClosedAt, r.Updates, r.Samples, r.BytesReceived,
        r.TrainingLoss, r.ValidationLoss, r.ValidationAccuracy, r.Epsilon, r.Reason);
}

/// <summary>A site of a federation: the device, whether it consents, who admitted it and when it left.</summary>
public sealed record FederationSiteDto(Guid DeviceId, string Device, bool Consents, string AdmittedBy, DateTimeOffset AdmittedAt, DateTimeOffset? LeftAt);

/// <summary>A site's message as taken: the round, its SHA-256 and size, and whether it repeated one already taken.</summary>
public sealed record SiteUpdateReceipt(Guid RoundId, int Round, string Sha256, long Bytes, bool Repeat);
