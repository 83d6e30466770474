using Platform.Domain.Fleet;

namespace Platform.Application.Fleet.Queries.ListRollouts;

/// <summary>The workspace's rollouts, newest first (paged), optionally of one model or state; each with its waves' progress.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListRolloutsQuery(string? Model, RolloutState? State, int? Limit, string? Cursor) : IQuery<Page<RolloutDto>>;

public sealed class ListRolloutsQueryValidator : AbstractValidator<ListRolloutsQuery>
{
    public ListRolloutsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("must be between 1 and 100");
}

public sealed class ListRolloutsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListRolloutsQuery, Page<RolloutDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<RolloutDto>> Handle(ListRolloutsQuery query, CancellationToken cancellationToken)
    {
        var rollouts = db.Rollouts.AsNoTracking();
        if (query.Model is { Length: > 0 } model)
        {
            rollouts = rollouts.Where(r => r.Model == model);
        }

        if (query.State is { } state)
        {
            rollouts = rollouts.Where(r => r.State == state);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rollouts = rollouts.Where(r => r.Id.CompareTo(after.Id) < 0);
        }

        var page = await rollouts.OrderByDescending(r => r.Id).ReadPageAsync(query.Limit ?? 20, r => new Position(r.Id), cancellationToken);
        var items = new List<RolloutDto>();
        foreach (var rollout in page.Rows)
        {
            items.Add(RolloutDto.From(rollout, await db.OfAsync(rollout, cancellationToken)));
        }

        return page.With(items);
    }
}
