using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Commands.FailDatasetProfiling;

/// <summary>
/// The background profiler gives up on a version it could not read for a reason of its own (not the file's): the
/// version ends Failed with that reason rather than waiting for ever. A version no longer being profiled is left alone.
/// </summary>
[RequiresRole(Role.System)]
public sealed record FailDatasetProfilingCommand(Guid Id, string Reason) : ICommand<bool>;

public sealed class FailDatasetProfilingCommandHandler(IPlatformDbContext db) : ICommandHandler<FailDatasetProfilingCommand, bool>
{
    public async ValueTask<bool> Handle(FailDatasetProfilingCommand command, CancellationToken cancellationToken)
    {
        var version = await db.DatasetVersions.SingleOrDefaultAsync(v => v.Id == command.Id, cancellationToken);
        if (version is not { Status: DatasetVersionStatus.Profiling })
        {
            return false;
        }

        version.ProfilingFailed(command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
