using Platform.Application.Common.Auditing;

namespace Platform.Application.Jobs.Commands.MarkWorkerStopped;

[NotAudited]
[PlatformWide]
[RequiresRole(Role.System)]
public sealed record MarkWorkerStoppedCommand(string WorkerId) : ICommand;

public sealed class MarkWorkerStoppedCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<MarkWorkerStoppedCommand>
{
    public async ValueTask<Unit> Handle(MarkWorkerStoppedCommand command, CancellationToken cancellationToken)
    {
        var worker = await db.Workers.FindAsync([command.WorkerId], cancellationToken);
        if (worker is not null)
        {
            worker.Stop(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
