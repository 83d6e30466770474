using Platform.Domain.Federated;

namespace Platform.Application.Registry;

/// <summary>
/// What a version registered from a federation's run records of it (issue 19, scope 9): the federation, the rounds it
/// aggregated, its strategy, how many distinct sites' updates were aggregated and how many of those per region (the
/// device's <see cref="Federation.RegionLabel"/> label, <see cref="UnknownRegion"/> without one), secure aggregation,
/// compression, and differential privacy's ε spent, δ, clip and noise (null without it). Counts only: no device's id or
/// name is recorded, since the lineage goes wherever the version goes; which sites took part stays the federation's
/// record (its sites and rounds, by <see cref="FederationId"/>), where a policy that asked for identities would read them.
/// </summary>
public sealed record FederatedLineage(
    Guid FederationId, string State, int Rounds, string Strategy, int Sites, IReadOnlyDictionary<string, int> SitesPerRegion,
    bool SecureAggregation, FederatedCompressionLineage Compression, FederatedPrivacyLineage? Dp)
{
    public const string UnknownRegion = "unknown";

    /// <summary>The lineage of the federation that ran as <paramref name="runId"/>, or null when no federation did.</summary>
    public static async Task<FederatedLineage?> OfRunAsync(IPlatformDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var federation = await db.Federations.AsNoTracking().Where(f => f.RunId == runId)
            .Select(f => new { f.Id, f.State, f.Plan, f.CompletedRounds, f.EpsilonSpent }).SingleOrDefaultAsync(cancellationToken);
        if (federation is null)
        {
            return null;
        }

        var regions = await ContributingRegionsAsync(db, federation.Id, cancellationToken);
        var plan = federation.Plan;
        return new FederatedLineage(
            federation.Id, federation.State.ToString(), federation.CompletedRounds, plan.Strategy.Kind.ToString(), regions.Count,
            regions.GroupBy(r => r ?? UnknownRegion).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            plan.SecureAggregation, new FederatedCompressionLineage(plan.Compression.Encoding.ToString(), plan.Compression.TopK),
            plan.Privacy is { } p ? new FederatedPrivacyLineage(federation.EpsilonSpent, p.Delta, p.ClipNorm, p.NoiseMultiplier) : null);
    }

    /// <summary>The region label of each distinct site with an update in one of the federation's aggregated rounds (null when it has none).</summary>
    private static async Task<List<string?>> ContributingRegionsAsync(IPlatformDbContext db, Guid federationId, CancellationToken cancellationToken)
    {
        var aggregated = db.FederationRounds.Where(r => r.FederationId == federationId && r.State == RoundState.Aggregated).Select(r => r.Id);
        var sites = await db.FederationSubmissions.AsNoTracking()
            .Where(s => aggregated.Contains(s.RoundId) && (s.Phase == RoundPhase.Update || s.Phase == RoundPhase.MaskedUpdate))
            .Select(s => s.DeviceId).Distinct().ToListAsync(cancellationToken);
        var regions = await db.Devices.AsNoTracking().Where(d => sites.Contains(d.Id))
            .SelectMany(d => d.LabelRows.Where(l => l.Key == Federation.RegionLabel), (d, l) => new { d.Id, l.Value })
            .ToDictionaryAsync(d => d.Id, d => d.Value, cancellationToken);
        return [.. sites.Select(s => regions.GetValueOrDefault(s))];
    }
}

/// <summary>How the sites sent their updates: <c>Float32</c> or <c>Int8</c>, and the top-k kept when sparsified.</summary>
public sealed record FederatedCompressionLineage(string Encoding, int? TopK);

/// <summary>Central differential privacy: ε spent over the rounds aggregated (for δ), each update's clip and the noise multiplier.</summary>
public sealed record FederatedPrivacyLineage(double? Epsilon, double Delta, double ClipNorm, double NoiseMultiplier);
