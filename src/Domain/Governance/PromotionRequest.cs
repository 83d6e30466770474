using Platform.Domain.Common;
using Platform.Domain.Registry;
using Platform.Domain.Workspaces;

namespace Platform.Domain.Governance;

/// <summary>
/// A request to move a model version into a governed stage. Decided by distinct approvers other than its author
/// (<see cref="Approve"/>, <see cref="Reject"/>) or withdrawn by its author; open until <see cref="ExpiresAt"/>. The
/// policy in force when it was made and the gate evidence are kept with it. <see cref="ConcurrencyVersion"/> makes
/// concurrent decisions safe: one of them wins, the rest are refused.
/// </summary>
public sealed partial class PromotionRequest : AggregateRoot, IWorkspaceOwned
{
    public const int MaxTextLength = 2000;

    private readonly List<PromotionDecision> _decisions = [];

    private PromotionRequest()
    {
        Justification = string.Empty;
        RequestedBy = string.Empty;
        PolicyJson = string.Empty;
        RequestEvidenceJson = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }
    public Guid ModelId { get; private set; }
    public Guid ModelVersionId { get; private set; }
    public ModelStage TargetStage { get; private set; }
    public string Justification { get; private set; }
    public string RequestedBy { get; private set; }
    public Guid? RequestedByUserId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public PromotionStatus Status { get; private set; }
    public int RequiredApprovals { get; private set; }
    public Identity.Role ApproverRoles { get; private set; }

    /// <summary>The policy as it stood when the request was made.</summary>
    public string PolicyJson { get; private set; }

    public string RequestEvidenceJson { get; private set; }
    public string? FinalEvidenceJson { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int ConcurrencyVersion { get; private set; }

    public IReadOnlyList<PromotionDecision> Decisions => _decisions;

    public int Approvals => _decisions.Count(d => d.Approved);

    public static PromotionRequest Open(
        ModelVersion version, ModelStage target, ApprovalPolicy policy, GateEvidence evidence, string justification, Actor requester, DateTimeOffset now)
    {
        if (!ApprovalPolicy.IsGoverned(target) || target != policy.Environment)
        {
            throw new DomainException("promotion.target", "Promotion requests are for Staging or Production, under that environment's policy.");
        }

        if (version.Stage == target || version.Stage == ModelStage.Archived)
        {
            throw new DomainException("promotion.stage", $"Version {version.Number} is {version.Stage}; it cannot be promoted to {target}.");
        }

        if (string.IsNullOrWhiteSpace(justification) || justification.Length > MaxTextLength)
        {
            throw new DomainException("promotion.justification", $"A justification of 1 to {MaxTextLength} characters is required.");
        }

        if (!evidence.Passed)
        {
            throw new DomainException("promotion.gates", "The gates must pass before a request is made.");
        }

        var request = new PromotionRequest
        {
            Id = Ids.New(),
            ModelId = version.ModelId,
            ModelVersionId = version.Id,
            TargetStage = target,
            Justification = justification,
            RequestedBy = requester.Name,
            RequestedByUserId = requester.UserId,
            RequestedAt = now,
            ExpiresAt = now.AddHours(policy.ExpiryHours),
            Status = PromotionStatus.Pending,
            RequiredApprovals = policy.RequiredApprovals,
            ApproverRoles = policy.ApproverRoles,
            PolicyJson = GovernanceJson.Write(new { policy.ApproverRoles, policy.RequiredApprovals, policy.GateDataset, policy.GateSplit, policy.Gates, policy.RegressionLimits, policy.ExpiryHours }),
            RequestEvidenceJson = GovernanceJson.Write(evidence),
            ConcurrencyVersion = 1,
        };
        request.Raise(new PromotionRequested(request));
        return request;
    }

    public bool IsExpired(DateTimeOffset now) => Status == PromotionStatus.Pending && now >= ExpiresAt;

    /// <summary>Whether the author of this request is <paramref name="actor"/> (by user id, else by name).</summary>
    public bool IsAuthor(Actor actor) => actor.UserId is { } id && RequestedByUserId is { } author ? id == author : actor.Name == RequestedBy;
}
