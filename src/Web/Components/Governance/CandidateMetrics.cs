using System.Text.Json;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Governance;

/// <summary>A promotion candidate's recorded metrics beside those of the version holding the target stage (none when no version does).</summary>
public static class CandidateMetrics
{
    private static readonly JsonElement NoMetrics = JsonDocument.Parse("{}").RootElement.Clone();

    public static async Task<IReadOnlyList<MetricDelta>> ReadAsync(PlatformApiClient api, PromotionRequest request, CancellationToken ct = default)
    {
        try
        {
            var candidate = api.ModelVersionAsync(request.Model, request.Version, ct);
            var holder = request.RequestEvidence.HolderVersion is { } h ? await api.ModelVersionAsync(request.Model, h, ct) : null;
            return MetricDeltas.Compare((await candidate).Metrics, holder?.Metrics ?? NoMetrics);
        }
        catch (Exception e) when (ApiFailure.Describe(e) is not null)
        {
            return []; // the panel still shows the gate evidence; the metrics are a comfort
        }
    }
}
