using System.Globalization;
using System.Net.Http.Json;

namespace Platform.Web.Api;

/// <summary>The deployment pages' calls: deployments, their revisions and monitoring history, traffic changes and rollbacks, and inference keys.</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>Deployments by name (paged), each with its revisions and drift alert; no monitoring figures.</summary>
    public Task<Page<DeploymentInfo>> DeploymentsAsync(int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<DeploymentInfo>>($"api/v1/deployments?limit={limit}{Cursor(cursor)}", ct);

    /// <summary>One deployment with its latest monitoring per version.</summary>
    public Task<DeploymentInfo> DeploymentAsync(string name, CancellationToken ct = default) =>
        GetAsync<DeploymentInfo>($"api/v1/deployments/{Uri.EscapeDataString(name)}", ct);

    /// <summary>The deployment's monitoring reports, newest first, of <paramref name="version"/> only when it is given (paged).</summary>
    public Task<Page<VersionMonitoringInfo>> MonitoringHistoryAsync(string name, int? version, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<VersionMonitoringInfo>>(
            $"api/v1/deployments/{Uri.EscapeDataString(name)}/monitoring/history?limit={limit}{Query("version", version?.ToString(CultureInfo.InvariantCulture))}{Cursor(cursor)}", ct);

    public Task<Page<RevisionInfo>> RevisionsAsync(string name, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<RevisionInfo>>($"api/v1/deployments/{Uri.EscapeDataString(name)}/revisions?limit={limit}{Cursor(cursor)}", ct);

    /// <summary>
    /// Changes the traffic split of the deployment as loaded (Operator; If-Match its version, so a change made meanwhile is a 412, not
    /// overwritten); a job in the answer is validating the new revision.
    /// </summary>
    public async Task<DeploymentChange> ChangeTrafficAsync(DeploymentInfo deployment, IReadOnlyList<TrafficVersionInfo> versions, string reason, CancellationToken ct = default)
    {
        using var request = Authorized(HttpMethod.Put, $"api/v1/deployments/{Uri.EscapeDataString(deployment.Name)}");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{deployment.ConcurrencyVersion}\"");
        request.Content = JsonContent.Create(new
        {
            model = deployment.Model,
            environment = deployment.Environment,
            hardwareClass = deployment.HardwareClass,
            versions = versions.Select(v => new { version = v.Version, weight = v.Weight, canary = v.Canary }),
            reason,
        }, options: ApiJson.Options);
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<DeploymentChange>(response, ct);
    }

    /// <summary>One step back to the revision active before the current one (Operator).</summary>
    public Task<DeploymentInfo> RollbackAsync(string name, string reason, CancellationToken ct = default) =>
        PostAsync<DeploymentInfo>($"api/v1/deployments/{Uri.EscapeDataString(name)}/rollback", new { reason }, ct);

    public Task<Page<InferenceKeyInfo>> InferenceKeysAsync(string name, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<InferenceKeyInfo>>($"api/v1/deployments/{Uri.EscapeDataString(name)}/keys?limit={limit}{Cursor(cursor)}", ct);

    public Task<CreatedInferenceKey> CreateInferenceKeyAsync(string name, string keyName, CancellationToken ct = default) =>
        PostAsync<CreatedInferenceKey>($"api/v1/deployments/{Uri.EscapeDataString(name)}/keys", new { name = keyName }, ct);

    public async Task RevokeInferenceKeyAsync(string name, Guid id, CancellationToken ct = default)
    {
        using var request = Authorized(HttpMethod.Delete, $"api/v1/deployments/{Uri.EscapeDataString(name)}/keys/{id}");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblem.ReadAsync(response, ct);
        }
    }
}
