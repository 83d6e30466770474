using Platform.Domain.Federated;

namespace Platform.Application.Federated;

/// <summary>
/// Who took part in each phase of a round so far, by site number: under secure aggregation each phase is open to the
/// sites that completed the one before (keys to every sampled site, shares to those that sent keys, the masked update to
/// those that shared, unmasking to those whose masked update came).
/// </summary>
public sealed class RoundParticipants
{
    private readonly Dictionary<RoundPhase, SortedSet<int>> _byPhase;

    private RoundParticipants(Dictionary<RoundPhase, SortedSet<int>> byPhase) => _byPhase = byPhase;

    public static async Task<RoundParticipants> OfAsync(IPlatformDbContext db, FederationRound round, CancellationToken cancellationToken)
    {
        var id = round.Id;
        var rows = await db.FederationSubmissions.AsNoTracking().Where(s => s.RoundId == id).Select(s => new { s.DeviceId, s.Phase }).ToListAsync(cancellationToken);
        return new RoundParticipants(rows.GroupBy(r => r.Phase).ToDictionary(g => g.Key, g => new SortedSet<int>(g.Select(r => round.SiteNumber(r.DeviceId)))));
    }

    public IReadOnlyCollection<int> In(RoundPhase phase) => _byPhase.TryGetValue(phase, out var sites) ? sites : [];

    /// <summary>The sites a phase waits for: every sampled site for keys, then those that completed the phase before.</summary>
    public IReadOnlyCollection<int> Expected(FederationRound round, RoundPhase phase) => phase switch
    {
        RoundPhase.AdvertiseKeys => [.. Enumerable.Range(0, round.Sites.Count)],
        RoundPhase.ShareKeys => In(RoundPhase.AdvertiseKeys),
        RoundPhase.MaskedUpdate => In(RoundPhase.ShareKeys),
        RoundPhase.Unmask => In(RoundPhase.MaskedUpdate),
        _ => [.. Enumerable.Range(0, round.Sites.Count)],
    };

    /// <summary>The sites that shared their keys but whose masked update never came: their pairs' masks are removed from the sum.</summary>
    public IReadOnlyList<int> Dropped => [.. In(RoundPhase.ShareKeys).Except(In(RoundPhase.MaskedUpdate))];
}
