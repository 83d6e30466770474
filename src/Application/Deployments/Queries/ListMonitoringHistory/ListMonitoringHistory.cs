namespace Platform.Application.Deployments.Queries.ListMonitoringHistory;

/// <summary>
/// A deployment's monitoring snapshots, newest first (the bounded history of reports, not only the latest per version),
/// optionally of one version; keyset-paged on the snapshot's sequence.
/// </summary>
[RequiresRole(Permissions.Read)]
public sealed record ListMonitoringHistoryQuery(string Name, int? Version, int? Limit, string? Cursor) : IQuery<Page<VersionMonitoringDto>>;

public sealed class ListMonitoringHistoryQueryValidator : AbstractValidator<ListMonitoringHistoryQuery>
{
    public ListMonitoringHistoryQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Version).GreaterThanOrEqualTo(1).WithMessage("must be a version number (1 or more)");
    }
}

public sealed class ListMonitoringHistoryQueryHandler(IPlatformDbContext db) : IQueryHandler<ListMonitoringHistoryQuery, Page<VersionMonitoringDto>>
{
    private sealed record Position(long Sequence);

    public async ValueTask<Page<VersionMonitoringDto>> Handle(ListMonitoringHistoryQuery query, CancellationToken cancellationToken)
    {
        var limit = PageLimits.Resolve(query.Limit);
        var after = Cursor.Decode<Position>(query.Cursor);
        var deployment = await db.LoadDeploymentAsync(query.Name, cancellationToken);
        var rows = db.MonitoringSnapshots.AsNoTracking().Where(s => s.DeploymentId == deployment.Id);
        if (query.Version is { } version)
        {
            rows = rows.Where(s => s.Version == version);
        }

        if (after is not null)
        {
            rows = rows.Where(s => s.Sequence < after.Sequence);
        }

        var page = await rows.OrderByDescending(s => s.Sequence).ReadPageAsync(limit, s => new Position(s.Sequence), cancellationToken);
        return page.Select(VersionMonitoringDto.Of);
    }
}
