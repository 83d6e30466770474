namespace Platform.Application.Federated.Queries.GetFederation;

/// <summary>A federation of the workspace: its plan, state, rounds done, ε spent and model shape.</summary>
[RequiresRole(Permissions.Read)]
public sealed record GetFederationQuery(Guid Id) : IQuery<FederationDto>;

public sealed class GetFederationQueryHandler(IPlatformDbContext db) : IQueryHandler<GetFederationQuery, FederationDto>
{
    public async ValueTask<FederationDto> Handle(GetFederationQuery query, CancellationToken cancellationToken) =>
        FederationDto.From(await db.Federations.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Federation", query.Id));
}
