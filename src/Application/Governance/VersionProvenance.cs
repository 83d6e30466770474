using System.Text.Json;
using Platform.Domain.Governance;
using Platform.Domain.Registry;

namespace Platform.Application.Governance;

/// <summary>
/// A version's figures of how it was trained (<see cref="ProvenanceMetrics"/>), for the gates on them. First its
/// metrics at registration under <c>dp.</c> and <c>federated.</c> (what its run logged); then, for a version of a
/// federation, its lineage's <c>federated</c> block, the federation's own record, which wins: <c>federated.rounds</c>,
/// <c>federated.sites</c> (distinct sites aggregated), <c>federated.sitesPerRegion.eu</c>,
/// <c>federated.secureAggregation</c> (1 or 0) and, from its <c>dp</c>, <c>dp.epsilon</c>, <c>dp.delta</c>, ….
/// A federation without privacy leaves no <c>dp.</c> figure, whatever its run logged.
/// </summary>
internal static class VersionProvenance
{
    private const string FederatedBlock = "federated";
    private const string PrivacyBlock = "dp";

    public static Dictionary<string, double> Of(ModelVersion version)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        using var metrics = JsonDocument.Parse(version.MetricsJson);
        if (metrics.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var metric in metrics.RootElement.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Number && ProvenanceMetrics.Covers(m.Name)))
            {
                figures[metric.Name] = metric.Value.GetDouble();
            }
        }

        using var lineage = JsonDocument.Parse(version.LineageJson);
        if (lineage.RootElement.ValueKind == JsonValueKind.Object
            && lineage.RootElement.TryGetProperty(FederatedBlock, out var federated) && federated.ValueKind == JsonValueKind.Object)
        {
            foreach (var key in figures.Keys.Where(k => k.StartsWith(ProvenanceMetrics.PrivacyPrefix, StringComparison.Ordinal)).ToList())
            {
                figures.Remove(key);
            }

            foreach (var property in federated.EnumerateObject())
            {
                Add(figures, property.Name == PrivacyBlock ? PrivacyBlock : ProvenanceMetrics.FederatedPrefix + property.Name, property.Value);
            }
        }

        return figures;
    }

    /// <summary>A number (or a flag, as 1 or 0) under its name; an object's under its name and theirs, joined by dots.</summary>
    private static void Add(Dictionary<string, double> figures, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                figures[name] = value.GetDouble();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                figures[name] = value.GetBoolean() ? 1 : 0;
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(figures, name + "." + property.Name, property.Value);
                }

                break;
        }
    }
}
