using Platform.Application.Datasets.Profiling;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Commands.ProfileDatasetVersion;

/// <summary>
/// The background profiler's step: reads a stored version's file row by row (reporting how far it has got), and records
/// its schema, statistics and split, or, for a file that is not a usable dataset, the reason (row and column named).
/// A version no longer being profiled is left as it is. Answers the version's status afterwards (null: no such version).
/// </summary>
[RequiresRole(Role.System)]
public sealed record ProfileDatasetVersionCommand(Guid Id) : ICommand<DatasetVersionStatus?>;

public sealed class ProfileDatasetVersionCommandHandler(
    IPlatformDbContext db, IArtifactStore store, IDatasetInspector inspector, IDatasetProfilingQueue queue)
    : ICommandHandler<ProfileDatasetVersionCommand, DatasetVersionStatus?>
{
    public async ValueTask<DatasetVersionStatus?> Handle(ProfileDatasetVersionCommand command, CancellationToken cancellationToken)
    {
        var version = await db.DatasetVersions.SingleOrDefaultAsync(v => v.Id == command.Id, cancellationToken);
        if (version is not { Status: DatasetVersionStatus.Profiling })
        {
            return version?.Status;
        }

        if (store.OpenRead(version.Sha256) is not { } stored)
        {
            version.ProfilingFailed("its file is missing from the artefact store");
        }
        else
        {
            await using var content = new ReadProgressStream(stored, bytes => queue.ReportRead(version.Id, bytes));
            try
            {
                var inspection = await inspector.InspectAsync(content, version.Format, PendingSplit.Read(version.SplitJson), cancellationToken);
                version.Profiled(inspection.RowCount, inspection.ColumnCount, inspection.ProfileJson, inspection.SplitJson);
            }
            catch (RequestValidationException e)
            {
                version.ProfilingFailed(string.Join("; ", e.Errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return version.Status;
    }
}
