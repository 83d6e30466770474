using System.Text.Json;
using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

public sealed record PromotionDecisionDto(string Actor, bool Approved, string? Comment, DateTimeOffset DecidedAt);

/// <summary>A promotion request with its decisions, the policy it was made under and the gate evidence (at request, at final approval).</summary>
public sealed record PromotionRequestDto(
    Guid Id, string Model, int Version, ModelStage TargetStage, PromotionStatus Status, string Justification, string RequestedBy,
    DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, int Approvals, int RequiredApprovals, IReadOnlyList<PromotionDecisionDto> Decisions,
    JsonElement Policy, JsonElement RequestEvidence, JsonElement? FinalEvidence, string? ClosedBy, DateTimeOffset? ClosedAt)
{
    public static PromotionRequestDto From(PromotionRequest r, string model, int version, DateTimeOffset now) => new(
        r.Id, model, version, r.TargetStage, r.IsExpired(now) ? PromotionStatus.Expired : r.Status, r.Justification, r.RequestedBy,
        r.RequestedAt, r.ExpiresAt, r.Approvals, r.RequiredApprovals,
        [.. r.Decisions.OrderBy(d => d.DecidedAt).Select(d => new PromotionDecisionDto(d.Actor, d.Approved, d.Comment, d.DecidedAt))],
        Registry.RegistryJson.Element(r.PolicyJson), Registry.RegistryJson.Element(r.RequestEvidenceJson),
        r.FinalEvidenceJson is { } final ? Registry.RegistryJson.Element(final) : null, r.ClosedBy, r.ClosedAt);
}
