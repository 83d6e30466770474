using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>A stage change of a version: from, to, who, why, when (and the request behind it).</summary>
public sealed record StageTransition(string Model, int Version, string From, string To, string Actor, string Reason, Guid? PromotionRequestId, DateTimeOffset At);

/// <summary>A built-in trainer's hyper-parameter as the launch form offers it.</summary>
public sealed record HyperparameterInfo(string Name, string Kind, string Rule, string? Default, string Description);

public sealed record TrainerInfo(string Name, IReadOnlyList<HyperparameterInfo> Hyperparameters);

/// <summary>One thing the global search found.</summary>
public sealed record SearchHit(string Kind, Guid Id, string Name, string? Context);

public sealed record SearchResults(IReadOnlyList<SearchHit> Experiments, IReadOnlyList<SearchHit> Runs, IReadOnlyList<SearchHit> Models, IReadOnlyList<SearchHit> Deployments)
{
    public int Count => Experiments.Count + Runs.Count + Models.Count + Deployments.Count;
}

/// <summary>What the launch form needs of a dataset version: its columns (from its profile) and whether it is ready to train on.</summary>
public sealed record DatasetSchema(IReadOnlyList<string> Columns, string? Status)
{
    public bool Ready => Status is null || string.Equals(Status, "ready", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <c>profile.columns[].name</c> and <c>status</c> of the Api's dataset version, whatever else it holds.</summary>
    public static DatasetSchema From(JsonElement version)
    {
        var status = version.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var columns = version.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object
            && profile.TryGetProperty("columns", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                .Select(c => c.GetProperty("name").GetString()!).ToList()
            : [];
        return new DatasetSchema(columns, status);
    }
}

public sealed partial class PlatformApiClient
{
    public Task<JobInfo> CancelJobAsync(Guid id, CancellationToken ct = default) => PostAsync<JobInfo>($"api/v1/jobs/{id}/cancel", new { }, ct);

    public Task<JobInfo> RetryJobAsync(Guid id, CancellationToken ct = default) => PostAsync<JobInfo>($"api/v1/jobs/{id}/retry", new { }, ct);

    public Task<IReadOnlyList<TrainerInfo>> TrainersAsync(CancellationToken ct = default) => GetAsync<IReadOnlyList<TrainerInfo>>("api/v1/trainers", ct);

    public async Task<DatasetSchema> DatasetSchemaAsync(string name, int version, CancellationToken ct = default) =>
        DatasetSchema.From(await GetAsync<JsonElement>($"api/v1/datasets/{Uri.EscapeDataString(name)}/versions/{version}", ct));

    public Task<ModelVersionInfo> ModelVersionAsync(string model, int version, CancellationToken ct = default) =>
        GetAsync<ModelVersionInfo>($"api/v1/models/{Uri.EscapeDataString(model)}/versions/{version}", ct);

    public Task<Page<StageTransition>> StageHistoryAsync(string model, int? version, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<StageTransition>>($"api/v1/models/{Uri.EscapeDataString(model)}/stage-history?limit={limit}{(version is { } v ? $"&version={v}" : "")}{Cursor(cursor)}", ct);

    /// <summary>A model's promotion requests with <paramref name="status"/> (Pending: those waiting), newest first.</summary>
    public Task<Page<PromotionRequest>> ModelPromotionsAsync(string model, string status, CancellationToken ct = default) =>
        GetAsync<Page<PromotionRequest>>($"api/v1/promotions?status={status}&model={Uri.EscapeDataString(model)}&limit=50", ct);

    public Task<PromotionRequest> WithdrawAsync(Guid id, CancellationToken ct = default) => PostAsync<PromotionRequest>($"api/v1/promotions/{id}/withdraw", new { }, ct);

    public Task<IReadOnlyList<string>> AuditActionsAsync(CancellationToken ct = default) => GetAsync<IReadOnlyList<string>>("api/v1/audit/actions", ct);

    public Task<SearchResults> SearchAsync(string text, int limit = 5, CancellationToken ct = default) =>
        GetAsync<SearchResults>($"api/v1/search?q={Uri.EscapeDataString(text)}&limit={limit}", ct);
}
