using Platform.Domain.Common;

namespace Platform.Application.Users.Commands.UpdateUser;

/// <summary>
/// Changes a user's roles, password or disabled flag; each part is optional. Roles are the user's platform roles
/// (Admin: users and workspaces) and, for a member of <see cref="Workspace.DefaultName"/>, their roles there, as they
/// were before workspaces existed; other workspaces' roles are their Admins' to change (members endpoints).
/// </summary>
[PlatformWide]
[RequiresRole(Permissions.Administer)]
public sealed record UpdateUserCommand(Guid Id, IReadOnlyList<Role>? Roles, string? Password, bool? IsDisabled) : ICommand<UserDto>;

public sealed class UpdateUserCommandHandler(IPlatformDbContext db, IPasswordHasher hasher, ICurrentUser currentUser)
    : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("User", command.Id);

        var selfLockout = user.Id == currentUser.UserId
            && (command.IsDisabled == true || (command.Roles is not null && !command.Roles.Contains(Role.Admin)));
        if (selfLockout)
        {
            throw new DomainException("user.self-lockout", "You cannot disable yourself or remove your own Admin role.");
        }

        if (command.Roles is not null)
        {
            user.ChangeRoles(command.Roles.Combine());
            var membership = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == Workspace.DefaultId && m.UserId == user.Id, cancellationToken);
            if (membership is { IsAdmin: true } && !user.Roles.HasFlag(Role.Admin))
            {
                await Workspaces.LastAdmins.RefuseIfLastAsync(db, (await db.Workspaces.FindAsync([Workspace.DefaultId], cancellationToken))!, membership, cancellationToken);
            }

            membership?.ChangeRoles(user.Roles & WorkspaceMember.WorkspaceRoles);
        }

        if (command.Password is not null)
        {
            user.ChangePasswordHash(hasher.Hash(command.Password));
        }

        if (command.IsDisabled == true)
        {
            user.Disable();
        }
        else if (command.IsDisabled == false)
        {
            user.Enable();
        }

        await db.SaveChangesAsync(cancellationToken);
        return UserDto.From(user);
    }
}
