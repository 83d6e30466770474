namespace Platform.Application.Deployments.Queries.ListInferenceKeys;

/// <summary>A deployment's inference keys, oldest first (paged): name, prefix, who made it and when, revoked or not.</summary>
[RequiresRole(Role.Operator)]
public sealed record ListInferenceKeysQuery(string Deployment, int? Limit, string? Cursor) : IQuery<Page<InferenceKeyDto>>;

public sealed class ListInferenceKeysQueryValidator : AbstractValidator<ListInferenceKeysQuery>
{
    public ListInferenceKeysQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListInferenceKeysQueryHandler(IPlatformDbContext db) : IQueryHandler<ListInferenceKeysQuery, Page<InferenceKeyDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<InferenceKeyDto>> Handle(ListInferenceKeysQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var deployment = await db.LoadDeploymentAsync(query.Deployment, cancellationToken);
        var rows = db.InferenceKeys.AsNoTracking().Where(k => k.DeploymentId == deployment.Id);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rows = rows.Where(k => k.Id.CompareTo(after.Id) > 0);
        }

        var page = await rows.OrderBy(k => k.Id).ReadPageAsync(limit, k => new Position(k.Id), cancellationToken);
        return page.Select(InferenceKeyDto.From);
    }
}
