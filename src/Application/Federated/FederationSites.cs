using Platform.Application.Fleet;
using Platform.Domain.Federated;
using Platform.Domain.Fleet;

namespace Platform.Application.Federated;

/// <summary>
/// Which sites a federation may ask: active devices its selector picks that consent (admitted by an Operator and not
/// left, or, when the plan admits by label, carrying the consent label and not left) and hold its local dataset with a
/// schema the model can use; and the seeded sample of them a round asks.
/// </summary>
public static class FederationSites
{
    public static async Task<List<SiteDataset>> EligibleAsync(this IPlatformDbContext db, Federation federation, CancellationToken cancellationToken)
    {
        var (id, plan) = (federation.Id, federation.Plan);
        var devices = db.Devices.AsNoTracking().Where(d => d.State == DeviceState.Active).Selecting(LabelSelector.Parse(plan.Selector));
        var sites = db.FederationSites.AsNoTracking().Where(s => s.FederationId == id);
        devices = plan.Admission == SiteAdmission.Operator
            ? devices.Where(d => sites.Any(s => s.DeviceId == d.Id && s.LeftAt == null))
            : devices.Where(d => d.LabelRows.Any(l => l.Key == Federation.ConsentLabel && l.Value == Federation.ConsentValue) && !sites.Any(s => s.DeviceId == d.Id && s.LeftAt != null));
        var datasets = await db.SiteDatasets.AsNoTracking()
            .Where(s => s.Name == plan.Dataset && devices.Any(d => d.Id == s.DeviceId))
            .OrderBy(s => s.DeviceId).ToListAsync(cancellationToken);
        return federation.Shape is null ? datasets : [.. datasets.Where(d => Incompatibility(d, federation.Shape, plan.LabelColumn) is null)];
    }

    /// <summary>Why a site's dataset cannot train the model (a feature missing or not a number, the label missing), or null when it can.</summary>
    public static string? Incompatibility(SiteDataset dataset, FederatedModelShape shape, string labelColumn)
    {
        if (dataset.Column(labelColumn) is null)
        {
            return $"its dataset '{dataset.Name}' has no label column '{labelColumn}'";
        }

        foreach (var feature in shape.Features)
        {
            if (dataset.Column(feature) is not { Kind: SiteColumnKind.Number })
            {
                return $"its dataset '{dataset.Name}' has no numeric column '{feature}'";
            }
        }

        return null;
    }

    /// <summary>
    /// The sites attempt <paramref name="attempt"/> of round <paramref name="number"/> asks: the plan's fraction of the
    /// eligible ones, at least its minimum, drawn with a seed of the plan's, the round's and the attempt's, so a
    /// federation's sampling is reproducible.
    /// </summary>
    public static IReadOnlyList<Guid> Sample(IReadOnlyList<Guid> eligible, FederationPlan plan, int number, int attempt)
    {
        var count = Math.Min(eligible.Count, Math.Max(plan.Sampling.MinSites, (int)Math.Ceiling(plan.Sampling.Fraction * eligible.Count)));
        var random = new Random(unchecked((plan.Seed * 1_000_003) + (number * 1_009) + attempt));
        var shuffled = eligible.Order().ToArray();
        random.Shuffle(shuffled);
        return shuffled[..count];
    }
}
