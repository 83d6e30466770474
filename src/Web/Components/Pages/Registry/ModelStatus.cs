using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Registry;

/// <summary>What a model's pages mark on its versions: the promotion requests waiting for a decision, and which deployments route traffic to each version.</summary>
public sealed record ModelStatus(IReadOnlyList<PromotionRequest> Pending, IReadOnlyDictionary<int, IReadOnlyList<string>> Serving)
{
    public static readonly ModelStatus None = new([], new Dictionary<int, IReadOnlyList<string>>());

    public IEnumerable<PromotionRequest> PendingFor(int version) => Pending.Where(p => p.Version == version);

    /// <summary>The deployments whose active revision sends this version some traffic.</summary>
    public IReadOnlyList<string> ServingOf(int version) => Serving.TryGetValue(version, out var names) ? names : [];

    public static async Task<ModelStatus> ReadAsync(PlatformApiClient api, string model, CancellationToken ct = default)
    {
        var pending = api.ModelPromotionsAsync(model, "Pending", ct);
        var deployments = api.DeploymentsAsync(100, null, ct);
        var serving = (await deployments).Items.Where(d => d.Model == model && d.Active is not null)
            .SelectMany(d => d.Active!.Versions.Where(v => v.Weight > 0).Select(v => (v.Version, d.Name)))
            .GroupBy(s => s.Version)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(s => s.Name).Distinct()]);
        return new ModelStatus((await pending).Items, serving);
    }
}
