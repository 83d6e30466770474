using Platform.Domain.Workspaces;

namespace Platform.Application.Users.Commands.CreateUser;

[PlatformWide]
[RequiresRole(Permissions.Administer)]
public sealed record CreateUserCommand(string UserName, string Password, IReadOnlyList<Role> Roles) : ICommand<UserDto>;

public sealed class CreateUserCommandHandler(IPlatformDbContext db, IPasswordHasher hasher, ICurrentUser actor, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(command.UserName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            throw new ConflictException("user.name-taken", $"User name '{command.UserName}' is taken.");
        }

        var user = User.Create(command.UserName, hasher.Hash(command.Password), command.Roles.Combine(), clock.GetUtcNow());
        db.Users.Add(user);
        if ((user.Roles & WorkspaceMember.WorkspaceRoles) is var roles and not Role.None)
        {
            // Until every resource is a workspace's, a new user joins 'default' with the roles they are given.
            db.WorkspaceMembers.Add(WorkspaceMember.Add(Workspace.DefaultId, user.Id, roles, actor.Name, user.CreatedAt));
        }
        await db.SaveChangesAsync(cancellationToken);
        return UserDto.From(user);
    }
}
