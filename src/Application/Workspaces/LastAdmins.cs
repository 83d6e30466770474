using Platform.Domain.Workspaces;

namespace Platform.Application.Workspaces;

/// <summary>A workspace always keeps an Admin: the last one can be neither removed nor made something less.</summary>
internal static class LastAdmins
{
    public static async Task RefuseIfLastAsync(IPlatformDbContext db, Workspace workspace, WorkspaceMember member, CancellationToken cancellationToken)
    {
        var others = await db.WorkspaceMembers.CountAsync(
            m => m.WorkspaceId == workspace.Id && m.UserId != member.UserId && (m.Roles & Role.Admin) == Role.Admin, cancellationToken);
        if (others == 0)
        {
            throw new ConflictException("workspace.last-admin", $"This is the last Admin of workspace '{workspace.Name}'; make another member Admin first.");
        }
    }
}
