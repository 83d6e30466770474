using Platform.Domain.Workspaces;

namespace Platform.Application.Workspaces.Commands.PutWorkspaceMember;

/// <summary>
/// Adds a user to a workspace with roles there, or changes their roles (an Admin of the workspace, or a platform
/// Admin). The last Admin of a workspace keeps the Admin role (409).
/// </summary>
[PlatformWide]
[RequiresRole(Permissions.Read | Role.Admin)]
public sealed record PutWorkspaceMemberCommand(string Workspace, string UserName, IReadOnlyList<Role> Roles) : ICommand<WorkspaceMemberDto>;

public sealed class PutWorkspaceMemberCommandValidator : AbstractValidator<PutWorkspaceMemberCommand>
{
    public PutWorkspaceMemberCommandValidator()
    {
        RuleFor(c => c.Roles).NotEmpty().WithMessage("must name at least one role");
        RuleForEach(c => c.Roles).Must(r => r != Role.None && (r & ~WorkspaceMember.WorkspaceRoles) == 0)
            .WithMessage("must be Viewer, DataScientist, Approver, Operator or Admin");
    }
}

public sealed class PutWorkspaceMemberCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PutWorkspaceMemberCommand, WorkspaceMemberDto>
{
    public async ValueTask<WorkspaceMemberDto> Handle(PutWorkspaceMemberCommand command, CancellationToken cancellationToken)
    {
        var workspace = await db.AdministerAsync(user, command.Workspace, cancellationToken);
        var normalized = User.Normalize(command.UserName);
        var target = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken)
            ?? throw new NotFoundException("User", command.UserName);
        var roles = command.Roles.Combine();
        var member = await db.WorkspaceMembers.FindAsync([workspace.Id, target.Id], cancellationToken);
        if (member is null)
        {
            member = WorkspaceMember.Add(workspace.Id, target.Id, roles, user.Name, clock.GetUtcNow());
            db.WorkspaceMembers.Add(member);
        }
        else
        {
            if (member.IsAdmin && !roles.HasFlag(Role.Admin))
            {
                await LastAdmins.RefuseIfLastAsync(db, workspace, member, cancellationToken);
            }

            member.ChangeRoles(roles);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new WorkspaceMemberDto(target.UserName, [.. member.Roles.Split()], member.AddedBy, member.AddedAt);
    }
}
