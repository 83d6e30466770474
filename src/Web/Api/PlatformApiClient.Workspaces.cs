using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>Workspaces, their members and their quotas: platform-wide routes, so they stay at the root (see <see cref="WorkspacePaths"/>).</summary>
public sealed partial class PlatformApiClient
{
    private const int MaxWorkspacePages = 10;

    /// <summary>Every workspace the caller sees (a platform Admin: all of them), following the pages.</summary>
    public async Task<IReadOnlyList<WorkspaceInfo>> WorkspacesAsync(CancellationToken ct = default)
    {
        var all = new List<WorkspaceInfo>();
        string? cursor = null;
        for (var page = 0; page < MaxWorkspacePages; page++)
        {
            var result = await GetAsync<Page<WorkspaceInfo>>($"api/v1/workspaces?limit=100{Cursor(cursor)}", ct);
            all.AddRange(result.Items);
            if ((cursor = result.NextCursor) is null)
            {
                break;
            }
        }

        return all;
    }

    public Task<WorkspaceInfo> WorkspaceAsync(string name, CancellationToken ct = default) =>
        GetAsync<WorkspaceInfo>($"api/v1/workspaces/{Uri.EscapeDataString(name)}", ct);

    public Task<WorkspaceInfo> CreateWorkspaceAsync(string name, string? displayName, string? description, CancellationToken ct = default) =>
        PostAsync<WorkspaceInfo>("api/v1/workspaces", new { name, displayName, description }, ct);

    public Task<Page<WorkspaceMember>> WorkspaceMembersAsync(string workspace, int limit, string? cursor, CancellationToken ct = default) =>
        GetAsync<Page<WorkspaceMember>>($"{Members(workspace)}?limit={limit}{Cursor(cursor)}", ct);

    /// <summary>Adds <paramref name="userName"/> to the workspace with <paramref name="roles"/>, or changes their roles there.</summary>
    public Task<WorkspaceMember> PutWorkspaceMemberAsync(string workspace, string userName, IReadOnlyList<string> roles, CancellationToken ct = default) =>
        SendJsonAsync<WorkspaceMember>(HttpMethod.Put, $"{Members(workspace)}/{Uri.EscapeDataString(userName)}", new { roles }, ct);

    public Task RemoveWorkspaceMemberAsync(string workspace, string userName, CancellationToken ct = default) =>
        DeleteAsync($"{Members(workspace)}/{Uri.EscapeDataString(userName)}", ct);

    /// <summary>The workspace's quotas with their use, whatever quotas the Api answers.</summary>
    public async Task<IReadOnlyList<QuotaUse>> WorkspaceQuotasAsync(string workspace, CancellationToken ct = default) =>
        QuotaUse.From(await GetAsync<JsonElement>(Quotas(workspace), ct));

    /// <summary>Sets the workspace's own quotas (platform Admin); a quota given as null is the platform's default.</summary>
    public async Task<IReadOnlyList<QuotaUse>> SetWorkspaceQuotasAsync(string workspace, IReadOnlyDictionary<string, long?> quotas, CancellationToken ct = default) =>
        QuotaUse.From(await SendJsonAsync<JsonElement>(HttpMethod.Put, Quotas(workspace), quotas, ct));

    private static string Members(string workspace) => $"api/v1/workspaces/{Uri.EscapeDataString(workspace)}/members";

    private static string Quotas(string workspace) => $"api/v1/workspaces/{Uri.EscapeDataString(workspace)}/quotas";
}
