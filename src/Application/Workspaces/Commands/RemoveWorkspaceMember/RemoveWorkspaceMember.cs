namespace Platform.Application.Workspaces.Commands.RemoveWorkspaceMember;

/// <summary>Takes a user out of a workspace (an Admin of it, or a platform Admin); the last Admin stays (409).</summary>
[PlatformWide]
[RequiresRole(Permissions.Read | Role.Admin)]
public sealed record RemoveWorkspaceMemberCommand(string Workspace, string UserName) : ICommand;

public sealed class RemoveWorkspaceMemberCommandHandler(IPlatformDbContext db, ICurrentUser user) : ICommandHandler<RemoveWorkspaceMemberCommand>
{
    public async ValueTask<Unit> Handle(RemoveWorkspaceMemberCommand command, CancellationToken cancellationToken)
    {
        var workspace = await db.AdministerAsync(user, command.Workspace, cancellationToken);
        var normalized = User.Normalize(command.UserName);
        var member = await (from m in db.WorkspaceMembers
                            join u in db.Users on m.UserId equals u.Id
                            where m.WorkspaceId == workspace.Id && u.NormalizedUserName == normalized
                            select m).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Workspace member", command.UserName);
        if (member.IsAdmin)
        {
            await LastAdmins.RefuseIfLastAsync(db, workspace, member, cancellationToken);
        }

        db.WorkspaceMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
