using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>A version's evaluation report (metrics only): on which dataset version and part, and when.</summary>
public sealed record ModelEvaluation(Guid Id, string Model, int Version, string Dataset, int DatasetVersion, string Split, JsonElement Metrics, DateTimeOffset CreatedAt);

/// <summary>Two versions' latest evaluations on the same dataset version and part.</summary>
public sealed record ModelComparison(string Model, string Dataset, int DatasetVersion, string Split, ModelEvaluation This, ModelEvaluation Other);

public sealed partial class PlatformApiClient
{
    public Task<Page<ModelEvaluation>> EvaluationsAsync(string model, int version, CancellationToken ct = default) =>
        GetAsync<Page<ModelEvaluation>>($"api/v1/models/{Uri.EscapeDataString(model)}/versions/{version}/evaluations?limit=20", ct);

    /// <summary>The version against another on one dataset version and part (each one's latest evaluation there); 404 when either has none.</summary>
    public Task<ModelComparison> CompareVersionsAsync(string model, int version, int against, string dataset, int datasetVersion, string split, CancellationToken ct = default) =>
        GetAsync<ModelComparison>(
            $"api/v1/models/{Uri.EscapeDataString(model)}/versions/{version}/compare?against={against}&dataset={Uri.EscapeDataString(dataset)}&datasetVersion={datasetVersion}&split={Uri.EscapeDataString(split)}", ct);
}
