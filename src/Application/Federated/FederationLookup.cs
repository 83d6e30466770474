using Platform.Domain.Federated;

namespace Platform.Application.Federated;

public static class FederationLookup
{
    /// <summary>The federation <paramref name="id"/> of the current workspace, tracked; 404 when there is none.</summary>
    public static async Task<Federation> LoadFederationAsync(this IPlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Federations.SingleOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw new NotFoundException("Federation", id);

    /// <summary>The round <paramref name="roundId"/> of federation <paramref name="federationId"/>, tracked; 404 when there is none.</summary>
    public static async Task<FederationRound> LoadRoundAsync(this IPlatformDbContext db, Guid federationId, Guid roundId, CancellationToken cancellationToken) =>
        await db.FederationRounds.SingleOrDefaultAsync(r => r.Id == roundId && r.FederationId == federationId, cancellationToken)
        ?? throw new NotFoundException("Federation round", roundId);
}
