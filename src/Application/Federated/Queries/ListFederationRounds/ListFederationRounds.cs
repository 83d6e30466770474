namespace Platform.Application.Federated.Queries.ListFederationRounds;

/// <summary>A federation's rounds, every attempt, newest first (paged): sites, phase, and what each aggregated or why it failed.</summary>
[RequiresRole(Permissions.Read)]
public sealed record ListFederationRoundsQuery(Guid FederationId, int? Limit, string? Cursor) : IQuery<Page<FederationRoundDto>>;

public sealed class ListFederationRoundsQueryValidator : AbstractValidator<ListFederationRoundsQuery>
{
    public ListFederationRoundsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("must be between 1 and 100");
}

public sealed class ListFederationRoundsQueryHandler(IPlatformDbContext db) : IQueryHandler<ListFederationRoundsQuery, Page<FederationRoundDto>>
{
    private sealed record Position(Guid Id);

    public async ValueTask<Page<FederationRoundDto>> Handle(ListFederationRoundsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Federations.AnyAsync(f => f.Id == query.FederationId, cancellationToken))
        {
            throw new NotFoundException("Federation", query.FederationId);
        }

        var rounds = db.FederationRounds.AsNoTracking().Where(r => r.FederationId == query.FederationId);
        if (Cursor.Decode<Position>(query.Cursor) is { } after)
        {
            rounds = rounds.Where(r => r.Id.CompareTo(after.Id) < 0);
        }

        var page = await rounds.OrderByDescending(r => r.Id).ReadPageAsync(query.Limit ?? 20, r => new Position(r.Id), cancellationToken);
        return page.Select(FederationRoundDto.From);
    }
}
