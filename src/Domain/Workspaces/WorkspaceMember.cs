using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Workspaces;

/// <summary>
/// A user's place in a workspace: the roles they hold there (Viewer, DataScientist, Approver, Operator, Admin of the
/// workspace), which may differ from one workspace to the next.
/// </summary>
public sealed class WorkspaceMember
{
    /// <summary>The roles a member can hold in a workspace; the machine roles never.</summary>
    public const Role WorkspaceRoles = Role.Viewer | Role.DataScientist | Role.Approver | Role.Operator | Role.Admin;

    private WorkspaceMember() => AddedBy = string.Empty;

    public Guid WorkspaceId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Roles { get; private set; }
    public string AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    public bool IsAdmin => Roles.HasFlag(Role.Admin);

    public static WorkspaceMember Add(Guid workspaceId, Guid userId, Role roles, string addedBy, DateTimeOffset now)
    {
        var member = new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, AddedBy = addedBy, AddedAt = now };
        member.ChangeRoles(roles);
        return member;
    }

    public void ChangeRoles(Role roles)
    {
        if (roles == Role.None || (roles & ~WorkspaceRoles) != 0)
        {
            throw new DomainException(
                "workspace.member-roles", "A member holds one or more of Viewer, DataScientist, Approver, Operator and Admin in a workspace.");
        }

        Roles = roles;
    }
}
