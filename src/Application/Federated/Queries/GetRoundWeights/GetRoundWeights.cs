using Platform.Domain.Federated;

namespace Platform.Application.Federated.Queries.GetRoundWeights;

/// <summary>The global weights an open round started from (float32, little-endian), for a site the round sampled (its device token); 409 once the round closed.</summary>
[RequiresRole(Role.Device)]
public sealed record GetRoundWeightsQuery(Guid FederationId, Guid RoundId) : IQuery<byte[]>;

public sealed class GetRoundWeightsQueryHandler(IPlatformDbContext db, ICurrentUser caller) : IQueryHandler<GetRoundWeightsQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(GetRoundWeightsQuery query, CancellationToken cancellationToken)
    {
        var device = caller.Device?.DeviceId ?? throw new ForbiddenAccessException("Only a site downloads a round's weights.");
        var round = await db.FederationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RoundId && r.FederationId == query.FederationId, cancellationToken)
            ?? throw new NotFoundException("Federation round", query.RoundId);
        if (round.SiteNumber(device) < 0)
        {
            throw new ForbiddenAccessException($"This site was not sampled for round {round.Number}; it gets no weights for it.");
        }

        if (round.State != RoundState.Open)
        {
            throw new ConflictException("federation.round-closed", $"Round {round.Number} (attempt {round.Attempt}) is closed; its weights are not the current ones.");
        }

        // While a round is open the federation's weights are the ones it started from: they change only when it aggregates.
        return await db.Federations.AsNoTracking().Where(f => f.Id == query.FederationId).Select(f => f.Weights).SingleAsync(cancellationToken);
    }
}
