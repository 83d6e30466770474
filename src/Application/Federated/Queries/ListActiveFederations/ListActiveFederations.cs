using Platform.Domain.Federated;

namespace Platform.Application.Federated.Queries.ListActiveFederations;

/// <summary>The federations of every workspace that are waiting or running: what the federation driver moves on.</summary>
[RequiresRole(Role.System)]
public sealed record ListActiveFederationsQuery : IQuery<IReadOnlyList<Guid>>;

public sealed class ListActiveFederationsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListActiveFederationsQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ListActiveFederationsQuery query, CancellationToken cancellationToken) =>
        await db.Federations.AsNoTracking().Where(f => f.State == FederationState.Waiting || f.State == FederationState.Running)
            .OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken);
}
