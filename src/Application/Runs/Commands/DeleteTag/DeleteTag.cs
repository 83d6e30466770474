namespace Platform.Application.Runs.Commands.DeleteTag;

[RequiresRole(Permissions.Track)]
public sealed record DeleteTagCommand(Guid RunId, string Key) : ICommand;

public sealed class DeleteTagCommandHandler(IPlatformDbContext db) : ICommandHandler<DeleteTagCommand>
{
    public async ValueTask<Unit> Handle(DeleteTagCommand command, CancellationToken cancellationToken)
    {
        var run = await db.LoadRunForUpdateAsync(command.RunId, null, cancellationToken);
        if (!run.DeleteTag(command.Key))
        {
            throw new NotFoundException("Tag", command.Key);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
