using System.Net.Http.Json;

namespace Platform.Web.Api;

/// <summary>The Admin pages' calls: users and roles, personal access tokens, approval policies and webhooks.</summary>
public sealed partial class PlatformApiClient
{
    public Task<Page<UserInfo>> UsersAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<UserInfo>>($"api/v1/users?limit={limit}{Cursor(cursor)}", ct);

    public Task<UserInfo> CreateUserAsync(string userName, string password, IReadOnlyList<string> roles, CancellationToken ct = default) =>
        PostAsync<UserInfo>("api/v1/users", new { userName, password, roles }, ct);

    /// <summary>Changes a user's roles and whether they are disabled (the Api refuses to lock the caller out).</summary>
    public Task<UserInfo> UpdateUserAsync(Guid id, IReadOnlyList<string> roles, bool isDisabled, CancellationToken ct = default) =>
        SendJsonAsync<UserInfo>(HttpMethod.Patch, $"api/v1/users/{id}", new { roles, isDisabled }, ct);

    public Task<Page<AccessTokenInfo>> AccessTokensAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<AccessTokenInfo>>($"api/v1/tokens?limit={limit}{Cursor(cursor)}", ct);

    public Task<CreatedAccessToken> CreateAccessTokenAsync(string name, IReadOnlyList<string> roles, int expiresInDays, CancellationToken ct = default) =>
        PostAsync<CreatedAccessToken>("api/v1/tokens", new { name, roles, expiresInDays }, ct);

    public Task<AccessTokenInfo> RevokeAccessTokenAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<AccessTokenInfo>(HttpMethod.Delete, $"api/v1/tokens/{id}", null, ct);

    /// <summary>The environments' policies, or with <paramref name="model"/> those that model's promotions are under.</summary>
    public Task<IReadOnlyList<ApprovalPolicyInfo>> ApprovalPoliciesAsync(string? model = null, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ApprovalPolicyInfo>>(PoliciesPath(model), ct);

    /// <summary>Sets an environment's policy, or with <paramref name="model"/> that model's own.</summary>
    public Task<ApprovalPolicyInfo> SetApprovalPolicyAsync(string environment, object policy, string? model = null, CancellationToken ct = default) =>
        SendJsonAsync<ApprovalPolicyInfo>(HttpMethod.Put, $"{PoliciesPath(model)}/{Uri.EscapeDataString(environment)}", policy, ct);

    /// <summary>Removes a model's own policy for an environment: the environment's applies to it again.</summary>
    public Task RemoveModelApprovalPolicyAsync(string model, string environment, CancellationToken ct = default) =>
        DeleteAsync($"{PoliciesPath(model)}/{Uri.EscapeDataString(environment)}", ct);

    private static string PoliciesPath(string? model) =>
        model is null ? "api/v1/approval-policies" : $"api/v1/models/{Uri.EscapeDataString(model)}/approval-policies";

    public Task<Page<WebhookInfo>> WebhooksAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<WebhookInfo>>($"api/v1/webhooks?limit={limit}{Cursor(cursor)}", ct);

    public Task<WebhookInfo> WebhookAsync(Guid id, CancellationToken ct = default) => GetAsync<WebhookInfo>($"api/v1/webhooks/{id}", ct);

    public Task<WebhookWithSecret> CreateWebhookAsync(string name, string url, IReadOnlyList<string> eventTypes, CancellationToken ct = default) =>
        PostAsync<WebhookWithSecret>("api/v1/webhooks", new { name, url, eventTypes }, ct);

    public Task<WebhookInfo> SetWebhookActiveAsync(Guid id, bool active, CancellationToken ct = default) =>
        SendJsonAsync<WebhookInfo>(HttpMethod.Patch, $"api/v1/webhooks/{id}", new { active }, ct);

    public Task DeleteWebhookAsync(Guid id, CancellationToken ct = default) =>
        DeleteAsync($"api/v1/webhooks/{id}", ct);

    public Task<Page<WebhookDeliveryInfo>> WebhookDeliveriesAsync(Guid id, string? status, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<WebhookDeliveryInfo>>($"api/v1/webhooks/{id}/deliveries?limit={limit}{Query("status", status)}{Cursor(cursor)}", ct);

    public Task<WebhookDeliveryInfo> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct = default) =>
        PostAsync<WebhookDeliveryInfo>($"api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", new { }, ct);

    private async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Delete, path);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblem.ReadAsync(response, ct);
        }
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = Authorized(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: ApiJson.Options);
        }

        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }
}
