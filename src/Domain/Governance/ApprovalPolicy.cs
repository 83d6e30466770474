using Platform.Domain.Workspaces;
using Platform.Domain.Common;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Domain.Governance;

/// <summary>
/// What it takes to enter an environment (Staging or Production): who may approve, how many distinct approvals, the
/// evaluation gates (checked on the version's latest evaluation of <see cref="GateDataset"/>'s <see cref="GateSplit"/>),
/// and how long a request stays open. Managed by Admin: one per environment, and optionally one per model and
/// environment, which applies to that model instead (its gates check the model's own dataset).
/// </summary>
public sealed class ApprovalPolicy : IWorkspaceOwned
{
    public const int MaxApprovals = 10;
    public const int MaxExpiryHours = 24 * 90;

    private ApprovalPolicy()
    {
        GateSplit = "test";
        GatesJson = "[]";
        RegressionLimitsJson = "[]";
        UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workspace it lives in, stamped when it is first saved.</summary>
    public Guid WorkspaceId { get; private set; }

    /// <summary>The model this policy is for; null for the environment's policy, which applies to every model without one.</summary>
    public Guid? ModelId { get; private set; }

    public ModelStage Environment { get; private set; }
    public Role ApproverRoles { get; private set; }
    public int RequiredApprovals { get; private set; }
    public string? GateDataset { get; private set; }
    public string GateSplit { get; private set; }
    public string GatesJson { get; private set; }
    public string RegressionLimitsJson { get; private set; }
    public int ExpiryHours { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int ConcurrencyVersion { get; private set; }

    public IReadOnlyList<MetricGate> Gates => GovernanceJson.ReadList<MetricGate>(GatesJson);

    public IReadOnlyList<RegressionLimit> RegressionLimits => GovernanceJson.ReadList<RegressionLimit>(RegressionLimitsJson);

    /// <summary>The policy that applies where Admin has defined none: one Approver, no gates, seven days.</summary>
    public static ApprovalPolicy DefaultFor(ModelStage environment) =>
        Define(environment, null, Role.Approver, 1, null, "test", [], [], 24 * 7, "platform", DateTimeOffset.UnixEpoch);

    /// <param name="modelId">The model the policy is for, or null for the environment's own.</param>
    public static ApprovalPolicy Define(
        ModelStage environment, Guid? modelId, Role approverRoles, int requiredApprovals, string? gateDataset, string gateSplit,
        IReadOnlyList<MetricGate> gates, IReadOnlyList<RegressionLimit> regressionLimits, int expiryHours, string by, DateTimeOffset now)
    {
        if (!IsGoverned(environment))
        {
            throw new DomainException("policy.environment", "Approval policies exist for Staging and Production.");
        }

        var policy = new ApprovalPolicy { Id = Ids.New(), Environment = environment, ModelId = modelId };
        policy.Update(approverRoles, requiredApprovals, gateDataset, gateSplit, gates, regressionLimits, expiryHours, by, now);
        return policy;
    }

    /// <summary>Stages entered only through an approved promotion request.</summary>
    public static bool IsGoverned(ModelStage stage) => stage is ModelStage.Staging or ModelStage.Production;

    public void Update(
        Role approverRoles, int requiredApprovals, string? gateDataset, string gateSplit,
        IReadOnlyList<MetricGate> gates, IReadOnlyList<RegressionLimit> regressionLimits, int expiryHours, string by, DateTimeOffset now)
    {
        if (approverRoles == Role.None || (approverRoles & ~RoleExtensions.All.Combine()) != Role.None)
        {
            throw new DomainException("policy.approvers", "Approvers are one or more of the assignable roles.");
        }

        if (requiredApprovals is < 1 or > MaxApprovals || expiryHours is < 1 or > MaxExpiryHours)
        {
            throw new DomainException("policy.limits", $"1 to {MaxApprovals} approvals and 1 to {MaxExpiryHours} hours.");
        }

        if ((gates.Count > 0 || regressionLimits.Count > 0) && string.IsNullOrWhiteSpace(gateDataset))
        {
            throw new DomainException("policy.gate-dataset", "Gates need the dataset whose evaluations they check.");
        }

        (ApproverRoles, RequiredApprovals, GateDataset, GateSplit, ExpiryHours, UpdatedBy, UpdatedAt) =
            (approverRoles, requiredApprovals, gateDataset, gateSplit, expiryHours, by, now);
        GatesJson = GovernanceJson.Write(gates);
        RegressionLimitsJson = GovernanceJson.Write(regressionLimits);
        ConcurrencyVersion++;
    }
}
