using Platform.Domain.Federated;

namespace Platform.Application.Federated.Queries.ListFederations;

/// <summary>The workspace's federations, newest first (paged), optionally of one experiment or state.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListFederationsQuery(Guid? ExperimentId, FederationState? State, int? Limit, string? Cursor) : IQuery<Page<FederationDto>>;

public sealed class ListFederationsQueryValidator : AbstractValidator<ListFederationsQuery>
{
    public ListFederationsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("must be between 1 and 100");
}

public sealed class ListFederationsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListFederationsQuery, Page<FederationDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<FederationDto>> Handle(ListFederationsQuery query, CancellationToken cancellationToken)
    {
        var federations = db.Federations.AsNoTracking();
        if (query.ExperimentId is { } experiment)
        {
            federations = federations.Where(f => f.ExperimentId == experiment);
        }

        if (query.State is { } state)
        {
            federations = federations.Where(f => f.State == state);
        }

        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            federations = federations.Where(f => f.Id.CompareTo(after.Id) < 0);
        }

        var page = await federations.OrderByDescending(f => f.Id).ReadPageAsync(query.Limit ?? 20, f => new Position(f.Id), cancellationToken);
        return page.Select(FederationDto.From);
    }
}
