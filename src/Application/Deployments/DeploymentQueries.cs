using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Application.Common.Validation;

namespace Platform.Application.Deployments;

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

        var page = await rows.OrderBy(d => d.Name).Take(limit + 1).ToListAsync(cancellationToken);
        var items = await db.DescribeAllAsync([.. page.Take(limit)], cancellationToken);
        return new Page<DeploymentDto>(items, page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].Name)) : null);
    }
}

/// <summary>One deployment: active revision, the revision being validated if any, and the latest monitoring.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetDeploymentQuery(string Name) : IQuery<DeploymentDto>;

public sealed class GetDeploymentQueryHandler(IPlatformDbContext db) : IQueryHandler<GetDeploymentQuery, DeploymentDto>
{
    public async ValueTask<DeploymentDto> Handle(GetDeploymentQuery query, CancellationToken cancellationToken) =>
        await db.DescribeAsync(await db.LoadDeploymentAsync(query.Name, cancellationToken), withMonitoring: true, cancellationToken);
}

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

        var page = await rows.OrderByDescending(r => r.Number).Take(limit + 1).ToListAsync(cancellationToken);
        return new Page<RevisionDto>(
            [.. page.Take(limit).Select(RevisionDto.From)], page.Count > limit ? Cursor.Encode(new Position(page[limit - 1].Number)) : null);
    }
}

/// <summary>The latest figures a serving host reported per version, drift per feature and the alert state.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetDeploymentMonitoringQuery(string Name) : IQuery<MonitoringDto>;

public sealed class GetDeploymentMonitoringQueryHandler(IPlatformDbContext db) : IQueryHandler<GetDeploymentMonitoringQuery, MonitoringDto>
{
    public async ValueTask<MonitoringDto> Handle(GetDeploymentMonitoringQuery query, CancellationToken cancellationToken) =>
        await db.LatestMonitoringAsync(await db.LoadDeploymentAsync(query.Name, cancellationToken), cancellationToken);
}
