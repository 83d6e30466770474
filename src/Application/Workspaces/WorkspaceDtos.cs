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
