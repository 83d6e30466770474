namespace Platform.Application.Deployments.Queries.GetDeploymentMonitoring;

/// <summary>The latest figures a serving host reported per version, drift per feature and the alert state.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetDeploymentMonitoringQuery(string Name) : IQuery<MonitoringDto>;

public sealed class GetDeploymentMonitoringQueryHandler(IPlatformDbContext db) : IQueryHandler<GetDeploymentMonitoringQuery, MonitoringDto>
{
    public async ValueTask<MonitoringDto> Handle(GetDeploymentMonitoringQuery query, CancellationToken cancellationToken) =>
        await db.LatestMonitoringAsync(await db.LoadDeploymentAsync(query.Name, cancellationToken), cancellationToken);
}
