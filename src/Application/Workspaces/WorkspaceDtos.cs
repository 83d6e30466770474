using Platform.Domain.Workspaces;

namespace Platform.Application.Workspaces;

/// <summary>A workspace as answered, with the roles the caller holds in it (none for a platform Admin who is no member).</summary>
public sealed record WorkspaceDto(
    Guid Id, string Name, string DisplayName, string? Description, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<Role> YourRoles)
{
    public static WorkspaceDto From(Workspace w, Role yourRoles) =>
        new(w.Id, w.Name, w.DisplayName, w.Description, w.CreatedBy, w.CreatedAt, [.. yourRoles.Split()]);
}

public sealed record WorkspaceMemberDto(string UserName, IReadOnlyList<Role> Roles, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A workspace's quotas and what it uses of them now.</summary>
public sealed record WorkspaceQuotasDto(QuotaUseDto ConcurrentJobs, QuotaUseDto ConcurrentGpuJobs, StorageQuotaUseDto StorageBytes, QuotaUseDto Deployments);

/// <summary>The storage quota and the bytes the workspace holds (artefacts, dataset versions, model versions).</summary>
public sealed record StorageQuotaUseDto(long Quota, long InUse);

/// <summary>One quota: its limit, what is in use, and (for jobs) how many wait for a share.</summary>
public sealed record QuotaUseDto(int Quota, int InUse, int? Waiting);
