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

    public Task<IReadOnlyList<ApprovalPolicyInfo>> ApprovalPoliciesAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ApprovalPolicyInfo>>("api/v1/approval-policies", ct);

    public Task<ApprovalPolicyInfo> SetApprovalPolicyAsync(string environment, object policy, CancellationToken ct = default) =>
        SendJsonAsync<ApprovalPolicyInfo>(HttpMethod.Put, $"api/v1/approval-policies/{Uri.EscapeDataString(environment)}", policy, ct);

    public Task<Page<WebhookInfo>> WebhooksAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<WebhookInfo>>($"api/v1/webhooks?limit={limit}{Cursor(cursor)}", ct);

    public Task<WebhookInfo> WebhookAsync(Guid id, CancellationToken ct = default) => GetAsync<WebhookInfo>($"api/v1/webhooks/{id}", ct);

    public Task<WebhookWithSecret> CreateWebhookAsync(string name, string url, IReadOnlyList<string> eventTypes, CancellationToken ct = default) =>
        PostAsync<WebhookWithSecret>("api/v1/webhooks", new { name, url, eventTypes }, ct);

    public Task<WebhookInfo> SetWebhookActiveAsync(Guid id, bool active, CancellationToken ct = default) =>
        SendJsonAsync<WebhookInfo>(HttpMethod.Patch, $"api/v1/webhooks/{id}", new { active }, ct);

    public async Task DeleteWebhookAsync(Guid id, CancellationToken ct = default)
    {
        using var request = Authorized(HttpMethod.Delete, $"api/v1/webhooks/{id}");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblem.ReadAsync(response, ct);
        }
    }

    public Task<Page<WebhookDeliveryInfo>> WebhookDeliveriesAsync(Guid id, string? status, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<WebhookDeliveryInfo>>($"api/v1/webhooks/{id}/deliveries?limit={limit}{Query("status", status)}{Cursor(cursor)}", ct);

    public Task<WebhookDeliveryInfo> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct = default) =>
        PostAsync<WebhookDeliveryInfo>($"api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", new { }, ct);

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
