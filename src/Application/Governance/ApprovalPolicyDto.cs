using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

/// <summary>
/// A policy as it applies: <see cref="Scope"/> says whose it is (<c>model</c>: the model's own, <c>environment</c>: the
/// environment's, <c>default</c>: the built-in one where Admin defined none); <see cref="IsDefault"/> for the last.
/// </summary>
public sealed record ApprovalPolicyDto(
    ModelStage Environment, IReadOnlyList<Role> ApproverRoles, int RequiredApprovals, string? GateDataset, string GateSplit,
    IReadOnlyList<MetricGate> Gates, IReadOnlyList<RegressionLimit> RegressionLimits, int ExpiryHours, string UpdatedBy, DateTimeOffset UpdatedAt,
    bool IsDefault, string Scope = ApprovalPolicyDto.EnvironmentScope, string? Model = null)
{
    public const string ModelScope = "model";
    public const string EnvironmentScope = "environment";
    public const string DefaultScope = "default";

    public static ApprovalPolicyDto From(ApprovalPolicy p, bool isDefault, string? model = null) => new(
        p.Environment, [.. p.ApproverRoles.Split()], p.RequiredApprovals, p.GateDataset, p.GateSplit, p.Gates, p.RegressionLimits, p.ExpiryHours,
        p.UpdatedBy, p.UpdatedAt, isDefault, isDefault ? DefaultScope : p.ModelId is null ? EnvironmentScope : ModelScope, p.ModelId is null ? null : model);
}
