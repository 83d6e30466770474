using Platform.Domain.Governance;

namespace Platform.Application.Governance.Queries.ListApprovalPolicies;

/// <summary>
/// The policies of Staging and Production: the environments' own (the built-in default where none is defined), or with
/// <see cref="Model"/> the ones that model's promotions are under (its own where Admin set one, else the environment's).
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record ListApprovalPoliciesQuery(string? Model = null) : IQuery<IReadOnlyList<ApprovalPolicyDto>>;

public sealed class ListApprovalPoliciesQueryHandler(IPlatformDbContext db) : IQueryHandler<ListApprovalPoliciesQuery, IReadOnlyList<ApprovalPolicyDto>>
{
    public async ValueTask<IReadOnlyList<ApprovalPolicyDto>> Handle(ListApprovalPoliciesQuery query, CancellationToken cancellationToken)
    {
        var modelId = await db.ModelIdAsync(query.Model, cancellationToken);
        var defined = await db.ApprovalPolicies.AsNoTracking().Where(p => p.ModelId == null || p.ModelId == modelId).ToListAsync(cancellationToken);
        return [.. ApprovalPolicyLookup.Environments.Select(env =>
            (defined.FirstOrDefault(p => p.Environment == env && p.ModelId == modelId && modelId != null)
                ?? defined.FirstOrDefault(p => p.Environment == env && p.ModelId == null)) is { } p
                ? ApprovalPolicyDto.From(p, false, query.Model)
                : ApprovalPolicyDto.From(ApprovalPolicy.DefaultFor(env), true))];
    }
}
