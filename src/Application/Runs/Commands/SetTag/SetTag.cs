namespace Platform.Application.Runs.Commands.SetTag;

[RequiresRole(Permissions.Track)]
public sealed record SetTagCommand(Guid RunId, string Key, string Value) : ICommand<RunDto>;

public sealed class SetTagCommandHandler(IPlatformDbContext db) : ICommandHandler<SetTagCommand, RunDto>
{
    public async ValueTask<RunDto> Handle(SetTagCommand command, CancellationToken cancellationToken)
    {
        var run = await db.LoadRunForUpdateAsync(command.RunId, null, cancellationToken);
        run.SetTag(command.Key, command.Value);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadRunAsync(run.Id, cancellationToken);
    }
}
