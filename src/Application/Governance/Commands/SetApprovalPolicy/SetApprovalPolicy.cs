using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance.Commands.SetApprovalPolicy;

/// <summary>
/// Defines or replaces the approval policy of Staging or Production: the environment's own, or, with
/// <see cref="Model"/>, that model's, which applies to it instead (so its gates can check its own dataset).
/// </summary>
[RequiresRole(Permissions.Administer)]
public sealed record SetApprovalPolicyCommand(
    ModelStage Environment, IReadOnlyList<Role>? ApproverRoles, int RequiredApprovals, string? GateDataset, string? GateSplit,
    IReadOnlyList<MetricGate>? Gates, IReadOnlyList<RegressionLimit>? RegressionLimits, int ExpiryHours, string? Model = null) : ICommand<ApprovalPolicyDto>;

public sealed class SetApprovalPolicyCommandValidator : AbstractValidator<SetApprovalPolicyCommand>
{
    public SetApprovalPolicyCommandValidator()
    {
        RuleFor(c => c.Environment).Must(ApprovalPolicy.IsGoverned).WithMessage("must be Staging or Production");
        RuleFor(c => c.ApproverRoles).NotEmpty().WithMessage("must name at least one role");
        RuleForEach(c => c.ApproverRoles).Must(r => RoleExtensions.All.Contains(r)).WithMessage("must be Viewer, DataScientist, Approver, Operator or Admin");
        RuleFor(c => c.RequiredApprovals).InclusiveBetween(1, ApprovalPolicy.MaxApprovals);
        RuleFor(c => c.ExpiryHours).InclusiveBetween(1, ApprovalPolicy.MaxExpiryHours);
        RuleFor(c => c.GateSplit).Must(s => s is null or "train" or "validation" or "test").WithMessage("must be train, validation or test");
        RuleFor(c => c.GateDataset).NotEmpty().When(c => c.Gates is { Count: > 0 } || c.RegressionLimits is { Count: > 0 })
            .WithMessage("is required when there are gates: they check the version's evaluation on this dataset");
        RuleFor(c => c.GateDataset).MaximumLength(Domain.Datasets.DatasetVersion.MaxNameLength);
        RuleForEach(c => c.Gates).ChildRules(g =>
        {
            g.RuleFor(x => x.Metric).NotEmpty().MaximumLength(250);
            g.RuleFor(x => x.Operator).IsInEnum();
            g.RuleFor(x => x.Threshold).Must(double.IsFinite).WithMessage("must be a finite number");
        });
        RuleForEach(c => c.RegressionLimits).ChildRules(g =>
        {
            g.RuleFor(x => x.Metric).NotEmpty().MaximumLength(250);
            g.RuleFor(x => x.MaxRegression).Must(v => double.IsFinite(v) && v >= 0).WithMessage("must be a finite number of at least 0");
        });
    }
}

public sealed class SetApprovalPolicyCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SetApprovalPolicyCommand, ApprovalPolicyDto>
{
    public async ValueTask<ApprovalPolicyDto> Handle(SetApprovalPolicyCommand c, CancellationToken cancellationToken)
    {
        var modelId = await db.ModelIdAsync(c.Model, cancellationToken);
        var policy = await db.ApprovalPolicies.SingleOrDefaultAsync(p => p.Environment == c.Environment && p.ModelId == modelId, cancellationToken);
        var (roles, split, gates, limits) = (c.ApproverRoles!.Combine(), c.GateSplit ?? "test", c.Gates ?? [], c.RegressionLimits ?? []);
        if (policy is null)
        {
            policy = ApprovalPolicy.Define(c.Environment, modelId, roles, c.RequiredApprovals, c.GateDataset, split, gates, limits, c.ExpiryHours, user.Name, clock.GetUtcNow());
            db.ApprovalPolicies.Add(policy);
        }
        else
        {
            policy.Update(roles, c.RequiredApprovals, c.GateDataset, split, gates, limits, c.ExpiryHours, user.Name, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return ApprovalPolicyDto.From(policy, false, c.Model);
    }
}
