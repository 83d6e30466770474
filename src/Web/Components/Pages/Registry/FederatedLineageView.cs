using System.Globalization;
using System.Text.Json;

namespace Platform.Web.Components.Pages.Registry;

/// <summary>
/// A federated version's lineage (<c>lineage.federated</c>, issue 19) as the version page words it: the rounds
/// aggregated, the strategy, how many sites contributed and how many per region, secure aggregation, the compression,
/// and differential privacy's ε and δ (null without it).
/// </summary>
public sealed record FederatedLineageView(
    int Rounds, string Strategy, int Sites, IReadOnlyList<KeyValuePair<string, int>> SitesPerRegion, bool SecureAggregation, string Compression, string? Privacy)
{
    /// <summary>The view of <paramref name="lineage"/>'s federated block, or null when the version was not federated.</summary>
    public static FederatedLineageView? From(JsonElement? lineage)
    {
        if (lineage is not { ValueKind: JsonValueKind.Object } l || !l.TryGetProperty("federated", out var f) || f.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var regions = f.TryGetProperty("sitesPerRegion", out var r) && r.ValueKind == JsonValueKind.Object
            ? r.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt32())).ToList()
            : [];
        return new FederatedLineageView(
            Int(f, "rounds"), Text(f, "strategy") ?? "?", Int(f, "sites"), regions,
            f.TryGetProperty("secureAggregation", out var s) && s.ValueKind == JsonValueKind.True, CompressionOf(f), PrivacyOf(f));
    }

    private static string CompressionOf(JsonElement f)
    {
        if (!f.TryGetProperty("compression", out var c) || c.ValueKind != JsonValueKind.Object)
        {
            return "?";
        }

        var encoding = Text(c, "encoding") ?? "?";
        return c.TryGetProperty("topK", out var k) && k.ValueKind == JsonValueKind.Number ? $"{encoding}, top-{k.GetInt32()}" : encoding;
    }

    private static string? PrivacyOf(JsonElement f)
    {
        if (!f.TryGetProperty("dp", out var dp) || dp.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string Number(string name, string format) =>
            dp.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "?";
        return $"ε = {Number("epsilon", "0.###")}, δ = {Number("delta", "g3")} (clip {Number("clipNorm", "0.###")}, noise × {Number("noiseMultiplier", "0.###")})";
    }

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
