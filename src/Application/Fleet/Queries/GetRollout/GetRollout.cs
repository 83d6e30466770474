namespace Platform.Application.Fleet.Queries.GetRollout;

/// <summary>A rollout: its plan, state and reason, and each wave's devices by where they are, with their figures.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetRolloutQuery(Guid Id) : IQuery<RolloutDto>;

public sealed class GetRolloutQueryHandler(IPlatformDbContext db) : IQueryHandler<GetRolloutQuery, RolloutDto>
{
    public async ValueTask<RolloutDto> Handle(GetRolloutQuery query, CancellationToken cancellationToken)
    {
        var rollout = await db.Rollouts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) ?? throw new NotFoundException("Rollout", query.Id);
        return RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken));
    }
}
