using Platform.Domain.Federated;

namespace Platform.Application.Federated;

/// <summary>A site's message to a round is refused (403) unless the round sampled it and it has not left the federation since.</summary>
internal static class SiteConsent
{
    public static async Task RequireAsync(IPlatformDbContext db, FederationRound round, Guid device, CancellationToken cancellationToken)
    {
        if (round.SiteNumber(device) < 0)
        {
            throw new ForbiddenAccessException($"This site was not sampled for round {round.Number} (attempt {round.Attempt}); nothing it sends for it is taken.");
        }

        if (await db.FederationSites.AnyAsync(s => s.FederationId == round.FederationId && s.DeviceId == device && s.LeftAt != null, cancellationToken))
        {
            throw new ForbiddenAccessException("This site left the federation; nothing it sends is taken.");
        }
    }
}
