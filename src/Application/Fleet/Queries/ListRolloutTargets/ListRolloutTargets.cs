using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Queries.ListRolloutTargets;

/// <summary>The devices a rollout gave its version to (paged, in the order given), optionally of one wave (1-based) or status.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListRolloutTargetsQuery(Guid Id, int? Wave, RolloutDeviceStatus? Status, int? Limit, string? Cursor) : IQuery<Page<RolloutTargetDto>>;

public sealed class ListRolloutTargetsQueryValidator : AbstractValidator<ListRolloutTargetsQuery>
{
    public ListRolloutTargetsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidPageLimit();
        RuleFor(q => q.Wave).GreaterThanOrEqualTo(1);
    }
}

public sealed class ListRolloutTargetsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListRolloutTargetsQuery, Page<RolloutTargetDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<RolloutTargetDto>> Handle(ListRolloutTargetsQuery query, CancellationToken cancellationToken)
    {
        _ = await db.Rollouts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) ?? throw new NotFoundException("Rollout", query.Id);
        var targets = db.RolloutTargets.AsNoTracking().Where(t => t.RolloutId == query.Id);
        if (query.Wave is { } wave)
        {
            targets = targets.Where(t => t.Wave == wave - 1);
        }

        if (query.Status is { } status)
        {
            targets = targets.Where(t => t.Status == status);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            targets = targets.Where(t => t.Id.CompareTo(after.Id) > 0);
        }

        var rows = from t in targets.OrderBy(t => t.Id)
                   join d in db.Devices on t.DeviceId equals d.Id
                   select new { Target = t, d.Name };
        var page = await rows.ReadPageAsync(PageLimits.Resolve(query.Limit), r => new Position(r.Target.Id), cancellationToken);
        return page.Select(r => new RolloutTargetDto(
            r.Target.DeviceId, r.Name, r.Target.Wave + 1, r.Target.Status, r.Target.PreviousVersion, r.Target.FailureReason, r.Target.Inferences, r.Target.Errors,
            r.Target.P95Milliseconds, r.Target.AssignedAt, r.Target.UpdatedAt));
    }
}
