namespace Platform.Infrastructure.Identity;

/// <summary>
/// One entry of <c>Auth:WorkspaceRoles</c>: an external identity carrying <see cref="Group"/> in its group claim holds
/// <see cref="Roles"/> in <see cref="Workspace"/>. A workspace that does not exist makes the entry inert.
/// </summary>
public sealed class WorkspaceRoleMapping
{
    public string Group { get; set; } = "";

    public string Workspace { get; set; } = "";

    /// <summary>Role names: Viewer, DataScientist, Approver, Operator, Admin.</summary>
    public List<string> Roles { get; set; } = [];
}
