using Platform.Application.Common.Auditing;
using Platform.Contracts.Messages.Jobs;
using Platform.Domain.Jobs;

namespace Platform.Application.Jobs.Commands.RecordHeartbeat;

/// <summary>Keeps the registry of workers: what each can run and when it was last seen.</summary>
[NotAudited]
[RequiresRole(Role.System)]
public sealed record RecordHeartbeatCommand(WorkerHeartbeat Heartbeat) : ICommand;

public sealed class RecordHeartbeatCommandHandler(IPlatformDbContext db, TimeProvider clock) : ICommandHandler<RecordHeartbeatCommand>
{
    public async ValueTask<Unit> Handle(RecordHeartbeatCommand command, CancellationToken cancellationToken)
    {
        var beat = command.Heartbeat;
        var now = clock.GetUtcNow();
        var worker = await db.Workers.FindAsync([beat.WorkerId], cancellationToken);
        if (worker is null)
        {
            worker = Worker.Register(beat.WorkerId, now);
            db.Workers.Add(worker);
        }

        worker.Heartbeat(
            beat.Name, beat.Cores, beat.MemoryBytes, beat.GpuName, beat.GpuMemoryBytes, beat.CudaVersion,
            string.Join(',', beat.Kinds), string.Join(',', beat.HardwareClasses), beat.RunningJobId, now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
