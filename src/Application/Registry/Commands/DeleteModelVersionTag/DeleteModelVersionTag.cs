namespace Platform.Application.Registry.Commands.DeleteModelVersionTag;

[RequiresRole(Permissions.Track | Role.Operator)]
public sealed record DeleteModelVersionTagCommand(string Model, int Version, string Key) : ICommand;

public sealed class DeleteModelVersionTagCommandHandler(IPlatformDbContext db) : ICommandHandler<DeleteModelVersionTagCommand>
{
    public async ValueTask<Unit> Handle(DeleteModelVersionTagCommand command, CancellationToken cancellationToken)
    {
        var (_, version) = await db.LoadVersionAsync(command.Model, command.Version, cancellationToken);
        var tag = await db.ModelVersionTags.SingleOrDefaultAsync(t => t.ModelVersionId == version.Id && t.Key == command.Key, cancellationToken)
            ?? throw new NotFoundException("Tag", $"{command.Key} of {command.Model} v{command.Version}");
        db.ModelVersionTags.Remove(tag);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
