using Platform.Domain.Common;

namespace Platform.Domain.Governance;

/// <summary>A promotion request was opened: its approvers have something to decide.</summary>
public sealed record PromotionRequested(PromotionRequest Request) : IDomainEvent;

/// <summary>
/// The request was closed by a decision: approved (the last approval needed), rejected or withdrawn, as its
/// <see cref="PromotionRequest.Status"/> says, by <see cref="PromotionRequest.ClosedBy"/>, with the decider's comment.
/// </summary>
public sealed record PromotionClosed(PromotionRequest Request, string? Comment) : IDomainEvent;
