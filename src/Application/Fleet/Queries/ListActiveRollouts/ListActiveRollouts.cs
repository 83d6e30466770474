using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Queries.ListActiveRollouts;

/// <summary>The rollouts of every workspace that move on by themselves (running, rolling back): what the rollout driver advances each tick.</summary>
[RequiresRole(Role.System)]
public sealed record ListActiveRolloutsQuery : IQuery<IReadOnlyList<Guid>>;

public sealed class ListActiveRolloutsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListActiveRolloutsQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(ListActiveRolloutsQuery query, CancellationToken cancellationToken) =>
        await db.Rollouts.AsNoTracking().Where(r => r.State == RolloutState.Running || r.State == RolloutState.RollingBack)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
}
