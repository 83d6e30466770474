namespace Platform.Web.Tests.Workspaces;

/// <summary>Workspaces, members and quotas as the Api answers them (its JSON shapes), for the stub Api.</summary>
internal static class WorkspaceAnswers
{
    public static object Workspace(string name, params string[] yourRoles) => new
    {
        id = Guid.NewGuid(), name, displayName = name == "default" ? "Default" : char.ToUpperInvariant(name[0]) + name[1..] + " team",
        description = $"The {name} workspace", createdBy = "admin", createdAt = DateTimeOffset.UnixEpoch, yourRoles,
    };

    public static object List(params object[] workspaces) => new { items = workspaces, nextCursor = (string?)null };

    public static object Member(string userName, params string[] roles) => new { userName, roles, addedBy = "admin", addedAt = DateTimeOffset.UnixEpoch };

    public static object Quota(long quota, long inUse, long? waiting) => new { quota, inUse, waiting };

    public static object Problem(string title, string detail, string? code = null) => new { title, detail, code };
}
