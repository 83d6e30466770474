namespace Platform.Application.Deployments.Queries.ListDeployments;

/// <summary>Deployments by name (paged), each with its active and pending revision and its drift alert (four queries a page).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListDeploymentsQuery(int? Limit, string? Cursor) : IQuery<Page<DeploymentDto>>;

public sealed class ListDeploymentsQueryValidator : AbstractValidator<ListDeploymentsQuery>
{
    public ListDeploymentsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListDeploymentsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListDeploymentsQuery, Page<DeploymentDto>>
{
    private sealed record Position(string Name);

    public async ValueTask<Page<DeploymentDto>> Handle(ListDeploymentsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var rows = db.Deployments.AsNoTracking();
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rows = rows.Where(d => string.Compare(d.Name, after.Name) > 0);
        }

        var page = await rows.OrderBy(d => d.Name).ReadPageAsync(limit, d => new Position(d.Name), cancellationToken);
        return page.With(await db.DescribeAllAsync([.. page.Rows], cancellationToken));
    }
}
