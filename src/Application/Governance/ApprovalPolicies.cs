using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Governance;
using Platform.Domain.Identity;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

/// <summary>An environment's policy; <see cref="IsDefault"/> when Admin has defined none and the built-in one applies.</summary>
public sealed record ApprovalPolicyDto(
    ModelStage Environment, IReadOnlyList<Role> ApproverRoles, int RequiredApprovals, string? GateDataset, string GateSplit,
    IReadOnlyList<MetricGate> Gates, IReadOnlyList<RegressionLimit> RegressionLimits, int ExpiryHours, string UpdatedBy, DateTimeOffset UpdatedAt, bool IsDefault)
{
    public static ApprovalPolicyDto From(ApprovalPolicy p, bool isDefault) => new(
        p.Environment, [.. p.ApproverRoles.Split()], p.RequiredApprovals, p.GateDataset, p.GateSplit, p.Gates, p.RegressionLimits, p.ExpiryHours,
        p.UpdatedBy, p.UpdatedAt, isDefault);
}

/// <summary>Defines or replaces the approval policy of Staging or Production.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record SetApprovalPolicyCommand(
    ModelStage Environment, IReadOnlyList<Role>? ApproverRoles, int RequiredApprovals, string? GateDataset, string? GateSplit,
    IReadOnlyList<MetricGate>? Gates, IReadOnlyList<RegressionLimit>? RegressionLimits, int ExpiryHours) : ICommand<ApprovalPolicyDto>;

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
        var policy = await db.ApprovalPolicies.SingleOrDefaultAsync(p => p.Environment == c.Environment, cancellationToken);
        var (roles, split, gates, limits) = (c.ApproverRoles!.Combine(), c.GateSplit ?? "test", c.Gates ?? [], c.RegressionLimits ?? []);
        if (policy is null)
        {
            policy = ApprovalPolicy.Define(c.Environment, roles, c.RequiredApprovals, c.GateDataset, split, gates, limits, c.ExpiryHours, user.Name, clock.GetUtcNow());
            db.ApprovalPolicies.Add(policy);
        }
        else
        {
            policy.Update(roles, c.RequiredApprovals, c.GateDataset, split, gates, limits, c.ExpiryHours, user.Name, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return ApprovalPolicyDto.From(policy, false);
    }
}

/// <summary>The policies of Staging and Production (the built-in default where none is defined).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListApprovalPoliciesQuery : IQuery<IReadOnlyList<ApprovalPolicyDto>>;

public sealed class ListApprovalPoliciesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListApprovalPoliciesQuery, IReadOnlyList<ApprovalPolicyDto>>
{
    public async ValueTask<IReadOnlyList<ApprovalPolicyDto>> Handle(ListApprovalPoliciesQuery query, CancellationToken cancellationToken)
    {
        var defined = await db.ApprovalPolicies.AsNoTracking().ToListAsync(cancellationToken);
        return [.. new[] { ModelStage.Staging, ModelStage.Production }.Select(env =>
            defined.SingleOrDefault(p => p.Environment == env) is { } p ? ApprovalPolicyDto.From(p, false) : ApprovalPolicyDto.From(ApprovalPolicy.DefaultFor(env), true))];
    }
}

internal static class ApprovalPolicyLookup
{
    /// <summary>The environment's policy, or the built-in default.</summary>
    public static async Task<ApprovalPolicy> PolicyForAsync(this IPlatformDbContext db, ModelStage environment, CancellationToken cancellationToken) =>
        await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Environment == environment, cancellationToken)
        ?? ApprovalPolicy.DefaultFor(environment);
}
