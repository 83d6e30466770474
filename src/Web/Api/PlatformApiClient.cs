using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.Web.Api;

/// <summary>
/// The portal's typed client of the Api: every call carries the signed-in user's token, goes to the current workspace
/// (<see cref="WorkspacePaths"/>), and every error comes back as an <see cref="ApiProblem"/> the page shows as a message.
/// </summary>
public sealed partial class PlatformApiClient(HttpClient http, PortalSession session)
{
    public const string HttpClientName = "platform-api";

    /// <summary>Exchanges a name and password for a token, reads who that is, and signs the circuit in.</summary>
    public async Task SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { userName, password }, cancellationToken);
        var token = await ReadAsync<TokenAnswer>(response, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var meResponse = await http.SendAsync(request, cancellationToken);
        var me = await ReadAsync<Me>(meResponse, cancellationToken);
        await session.SignInAsync(new SignedIn(me.Name, me.Roles, token.AccessToken, DateTimeOffset.UtcNow.AddSeconds(token.ExpiresIn - 30)));
    }

    /// <summary>Experiments, newest first, with their run counts; <paramref name="name"/> keeps those whose name holds it.</summary>
    public Task<Page<Experiment>> ExperimentsAsync(int limit, string? cursor, CancellationToken ct = default, string? name = null) =>
        GetAsync<Page<Experiment>>($"api/v1/experiments?limit={limit}{Query("name", name)}{Cursor(cursor)}", ct);

    public Task<RunKeys> RunKeysAsync(Guid experimentId, CancellationToken ct = default) => GetAsync<RunKeys>($"api/v1/experiments/{experimentId}/run-keys", ct);

    public Task<Experiment> ExperimentAsync(Guid id, CancellationToken ct = default) => GetAsync<Experiment>($"api/v1/experiments/{id}", ct);

    /// <summary>An experiment's runs, paged on the server, filtered and ordered with the Api's search syntax.</summary>
    public Task<Page<RunRow>> RunsAsync(Guid experimentId, string? filter, string? orderBy, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<RunRow>>($"api/v1/experiments/{experimentId}/runs?limit={limit}{Query("filter", filter)}{Query("orderBy", orderBy)}{Cursor(cursor)}", ct);

    public Task<RunDetail> RunAsync(Guid id, CancellationToken ct = default) => GetAsync<RunDetail>($"api/v1/runs/{id}", ct);

    /// <summary>A metric's points (the first 1,000 steps), as values of that key.</summary>
    public async Task<IReadOnlyList<MetricValue>> MetricHistoryAsync(Guid runId, string key, CancellationToken ct = default)
    {
        var page = await GetAsync<Page<HistoryPoint>>($"api/v1/runs/{runId}/metrics/history?key={Uri.EscapeDataString(key)}&limit=1000", ct);
        return [.. page.Items.Select(p => new MetricValue(key, p.Value, p.Step))];
    }

    public Task<Page<ArtifactInfo>> ArtifactsAsync(Guid runId, CancellationToken ct = default) => GetAsync<Page<ArtifactInfo>>($"api/v1/runs/{runId}/artifacts?limit=100", ct);

    /// <summary>The first page of workers (by name), online ones only when <paramref name="online"/>.</summary>
    public async Task<IReadOnlyList<WorkerInfo>> WorkersAsync(bool? online = null, int limit = 100, CancellationToken ct = default) =>
        (await GetAsync<Page<WorkerInfo>>($"api/v1/workers?limit={limit}" + (online is { } o ? $"&online={(o ? "true" : "false")}" : ""), ct)).Items;

    public Task<Page<JobInfo>> JobsAsync(string? state, int limit, CancellationToken ct = default, string? cursor = null) =>
        GetAsync<Page<JobInfo>>($"api/v1/jobs?limit={limit}{Query("state", state)}{Cursor(cursor)}", ct);

    public Task<JobInfo> JobAsync(Guid id, CancellationToken ct = default) => GetAsync<JobInfo>($"api/v1/jobs/{id}", ct);

    public Task<Page<DatasetInfo>> DatasetsAsync(int limit, CancellationToken ct = default) => GetAsync<Page<DatasetInfo>>($"api/v1/datasets?limit={limit}", ct);

    public Task<Experiment> CreateExperimentAsync(string name, CancellationToken ct = default, string? description = null) =>
        PostAsync<Experiment>("api/v1/experiments", new { name, description }, ct);

    /// <summary>A new run in the experiment, then a Train job for it; answers the job.</summary>
    public async Task<JobInfo> LaunchTrainingAsync(Guid experimentId, TrainingRequest training, CancellationToken ct = default)
    {
        var run = await PostAsync<RunInfo>($"api/v1/experiments/{experimentId}/runs", string.IsNullOrWhiteSpace(training.RunName) ? new { } : new { name = training.RunName.Trim() }, ct);
        return await PostAsync<JobInfo>("api/v1/jobs", new { kind = "Train", runId = run.Id, hardwareClass = training.HardwareClass, parameters = training.Parameters() }, ct);
    }

    public Task<ModelVersionInfo> RegisterVersionAsync(string model, Guid runId, CancellationToken ct = default) =>
        PostAsync<ModelVersionInfo>($"api/v1/models/{Uri.EscapeDataString(model)}/versions", new { runId }, ct);

    public Task<Page<ModelInfo>> ModelsAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<ModelInfo>>($"api/v1/models?limit={limit}{Cursor(cursor)}", ct);

    public Task<Page<ModelVersionInfo>> VersionsAsync(string model, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<ModelVersionInfo>>($"api/v1/models/{Uri.EscapeDataString(model)}/versions?limit={limit}{Cursor(cursor)}", ct);

    public Task<Page<PromotionRequest>> PromotionsAsync(string? status, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<PromotionRequest>>($"api/v1/promotions?limit={limit}{(status is null ? "" : "&status=" + status)}{Cursor(cursor)}", ct);

    public Task<PromotionRequest> ApproveAsync(Guid id, string? comment, CancellationToken ct = default) =>
        PostAsync<PromotionRequest>($"api/v1/promotions/{id}/approve", new { comment }, ct);

    public Task<PromotionRequest> RejectAsync(Guid id, string comment, CancellationToken ct = default) =>
        PostAsync<PromotionRequest>($"api/v1/promotions/{id}/reject", new { comment }, ct);

    public Task<PromotionRequest> RequestPromotionAsync(string model, int version, string targetStage, string justification, CancellationToken ct = default) =>
        PostAsync<PromotionRequest>($"api/v1/models/{Uri.EscapeDataString(model)}/versions/{version}/promotions", new { targetStage, justification }, ct);

    public Task<Page<AuditEvent>> AuditAsync(string? actor, string? action, int limit, string? cursor, CancellationToken ct = default) =>
        AuditAsync(new AuditQuery(actor, action, null, null), limit, cursor, ct);

    /// <summary>The audit trail, newest first, filtered by actor, action (a trailing * is a prefix) and the days [From, To] (whole UTC days).</summary>
    public Task<Page<AuditEvent>> AuditAsync(AuditQuery filter, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<AuditEvent>>($"api/v1/audit?limit={limit}{filter.QueryString}{Cursor(cursor)}", ct);

    public Task<AuditVerification> VerifyAuditAsync(CancellationToken ct = default) => GetAsync<AuditVerification>("api/v1/audit/verify", ct);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body, options: ApiJson.Options);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>Every call but sign-in passes here: the path goes inside the current workspace unless it is platform-wide.</summary>
    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, WorkspacePaths.Resolve(path, session.Workspace));
        if (session.User is { } user)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        }

        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) => response.IsSuccessStatusCode
        ? (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct))!
        : throw await ApiProblem.ReadAsync(response, ct);

    private static string Cursor(string? cursor) => Query("cursor", cursor);

    private static string Query(string name, string? value) => string.IsNullOrEmpty(value) ? "" : $"&{name}={Uri.EscapeDataString(value)}";
}
