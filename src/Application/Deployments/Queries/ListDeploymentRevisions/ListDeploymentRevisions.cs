namespace Platform.Application.Deployments.Queries.ListDeploymentRevisions;

/// <summary>A deployment's revisions, newest first (paged).</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListDeploymentRevisionsQuery(string Name, int? Limit, string? Cursor) : IQuery<Page<RevisionDto>>;

public sealed class ListDeploymentRevisionsQueryValidator : AbstractValidator<ListDeploymentRevisionsQuery>
{
    public ListDeploymentRevisionsQueryValidator() => RuleFor(q => q.Limit).ValidPageLimit();
}

public sealed class ListDeploymentRevisionsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListDeploymentRevisionsQuery, Page<RevisionDto>>
{
    private sealed record Position(int Number);

    public async ValueTask<Page<RevisionDto>> Handle(ListDeploymentRevisionsQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var deployment = await db.LoadDeploymentAsync(query.Name, cancellationToken);
        var rows = db.DeploymentRevisions.AsNoTracking().Where(r => r.DeploymentId == deployment.Id);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rows = rows.Where(r => r.Number < after.Number);
        }

        var page = await rows.OrderByDescending(r => r.Number).ReadPageAsync(limit, r => new Position(r.Number), cancellationToken);
        return page.Select(RevisionDto.From);
    }
}
