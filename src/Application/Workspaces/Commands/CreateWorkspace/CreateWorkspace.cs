using Platform.Domain.Workspaces;

namespace Platform.Application.Workspaces.Commands.CreateWorkspace;

/// <summary>A new workspace (a platform Admin's act); its creator becomes its first Admin.</summary>
[PlatformWide]
[RequiresRole(Permissions.Administer)]
public sealed record CreateWorkspaceCommand(string Name, string? DisplayName, string? Description) : ICommand<WorkspaceDto>;

public sealed class CreateWorkspaceCommandValidator : AbstractValidator<CreateWorkspaceCommand>
{
    public CreateWorkspaceCommandValidator()
    {
        RuleFor(c => c.Name).Must(Workspace.IsValidName)
            .WithMessage($"must be 1 to {Workspace.MaxNameLength} lowercase letters, digits and hyphens, starting with a letter");
        RuleFor(c => c.DisplayName).MaximumLength(Workspace.MaxDisplayNameLength);
        RuleFor(c => c.Description).MaximumLength(Workspace.MaxDescriptionLength);
    }
}

public sealed class CreateWorkspaceCommandHandler(IPlatformDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateWorkspaceCommand, WorkspaceDto>
{
    public async ValueTask<WorkspaceDto> Handle(CreateWorkspaceCommand command, CancellationToken cancellationToken)
    {
        if (await db.Workspaces.AnyAsync(w => w.Name == command.Name, cancellationToken))
        {
            throw new ConflictException("workspace.name-taken", $"A workspace named '{command.Name}' exists already.");
        }

        var now = clock.GetUtcNow();
        var workspace = Workspace.Create(command.Name, command.DisplayName, command.Description, user.Name, now);
        db.Workspaces.Add(workspace);
        var roles = Role.None;
        if (user.UserId is { } id)
        {
            roles = Role.Admin;
            db.WorkspaceMembers.Add(WorkspaceMember.Add(workspace.Id, id, roles, user.Name, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return WorkspaceDto.From(workspace, roles);
    }
}
