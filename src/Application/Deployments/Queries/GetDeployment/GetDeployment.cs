namespace Platform.Application.Deployments.Queries.GetDeployment;

/// <summary>One deployment: active revision, the revision being validated if any, and the latest monitoring.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetDeploymentQuery(string Name) : IQuery<DeploymentDto>;

public sealed class GetDeploymentQueryHandler(IPlatformDbContext db) : IQueryHandler<GetDeploymentQuery, DeploymentDto>
{
    public async ValueTask<DeploymentDto> Handle(GetDeploymentQuery query, CancellationToken cancellationToken) =>
        await db.DescribeAsync(await db.LoadDeploymentAsync(query.Name, cancellationToken), withMonitoring: true, cancellationToken);
}
