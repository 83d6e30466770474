using Platform.Application.Datasets.Profiling;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Commands.UploadDatasetVersion;

/// <summary>
/// Streams a CSV or Parquet file into the content-addressed store and records the next version of the named dataset.
/// By default the file is then read back through the dataset inspector before the answer (every row checked; a bad file
/// is a 400 naming the row and column, and no version is recorded) and the version comes back ready, with its schema,
/// statistics and split. With <see cref="InBackground"/> (the client sent <c>Prefer: respond-async</c>) the answer comes
/// as soon as the file is stored: the version is Profiling, read by the background profiler, and then Ready or Failed
/// with the reason.
/// </summary>
[RequiresRole(Permissions.Track)]
public sealed record UploadDatasetVersionCommand(
    string Name, string Format, Stream Content, long? ContentLength, DatasetSplitRequest Split, bool InBackground = false)
    : ICommand<DatasetVersionDto>;

public sealed class UploadDatasetVersionCommandHandler(
    IPlatformDbContext db, IArtifactStore store, Workspaces.StorageQuota storage, IDatasetInspector inspector, IDatasetProfilingQueue profiling,
    ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UploadDatasetVersionCommand, DatasetVersionDto>
{
    public async ValueTask<DatasetVersionDto> Handle(UploadDatasetVersionCommand command, CancellationToken cancellationToken)
    {
        var blob = await storage.SaveAsync(command.Content, command.ContentLength, cancellationToken);
        DatasetInspection? inspection = null;
        if (!command.InBackground)
        {
            await using var stored = store.OpenRead(blob.Sha256) ?? throw new InvalidOperationException($"Blob {blob.Sha256} vanished from the store.");
            inspection = await inspector.InspectAsync(stored, command.Format, command.Split, cancellationToken);
        }

        var latest = await db.DatasetVersions.Where(v => v.Name == command.Name).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = DatasetVersion.Receive(
            command.Name, latest + 1, command.Format, blob.Sha256, blob.SizeBytes, PendingSplit.ToJson(command.Split), currentUser.Name, clock.GetUtcNow());
        if (inspection is not null)
        {
            version.Profiled(inspection.RowCount, inspection.ColumnCount, inspection.ProfileJson, inspection.SplitJson);
        }

        db.DatasetVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await VersionExistsAsync(command.Name, latest + 1))
            {
                throw;
            }

            // Two uploads of the same name raced for the same version number: the unique index let one through.
            throw new ConflictException("dataset.version-taken", $"Another upload of '{command.Name}' took version {latest + 1}; upload again.");
        }

        if (version.Status == DatasetVersionStatus.Profiling)
        {
            profiling.Enqueue(version.Id);
        }

        return DatasetVersionDto.From(version, withProfile: true);
    }

    private Task<bool> VersionExistsAsync(string name, int version) =>
        db.DatasetVersions.AsNoTracking().AnyAsync(v => v.Name == name && v.Version == version, CancellationToken.None);
}
