namespace Platform.Application.Runs.Commands.LogParams;

/// <summary>Sets params on a run. Setting a key again to the same value is a no-op; to another value, 409.</summary>
[RequiresRole(Permissions.Track)]
public sealed record LogParamsCommand(Guid RunId, IReadOnlyDictionary<string, string> Params) : ICommand<RunDto>;

public sealed class LogParamsCommandHandler(IPlatformDbContext db) : ICommandHandler<LogParamsCommand, RunDto>
{
    public async ValueTask<RunDto> Handle(LogParamsCommand command, CancellationToken cancellationToken)
    {
        var run = await db.LoadRunForUpdateAsync(command.RunId, null, cancellationToken);
        run.LogParams(command.Params);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadRunAsync(run.Id, cancellationToken);
    }
}
