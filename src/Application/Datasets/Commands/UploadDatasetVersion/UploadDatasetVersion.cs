using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Exceptions;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;
using Platform.Domain.Datasets;

namespace Platform.Application.Datasets.Commands.UploadDatasetVersion;

/// <summary>
/// Streams a CSV or Parquet file into the content-addressed store, reads it back through the dataset inspector (every
/// row checked; a bad file is a 400 naming the row and column, and no version is recorded), and records the next
/// version of the named dataset with its schema, statistics and train / validation / test split.
/// </summary>
[RequiresRole(Permissions.Track)]
public sealed record UploadDatasetVersionCommand(string Name, string Format, Stream Content, long? ContentLength, DatasetSplitRequest Split)
    : ICommand<DatasetVersionDto>;

public sealed class UploadDatasetVersionCommandHandler(
    IPlatformDbContext db, IArtifactStore store, IArtifactLimits limits, IDatasetInspector inspector, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UploadDatasetVersionCommand, DatasetVersionDto>
{
    public async ValueTask<DatasetVersionDto> Handle(UploadDatasetVersionCommand command, CancellationToken cancellationToken)
    {
        var blob = await store.SaveUploadAsync(command.Content, command.ContentLength, limits, cancellationToken);
        DatasetInspection inspection;
        await using (var stored = store.OpenRead(blob.Sha256) ?? throw new InvalidOperationException($"Blob {blob.Sha256} vanished from the store."))
        {
            inspection = await inspector.InspectAsync(stored, command.Format, command.Split, cancellationToken);
        }

        var latest = await db.DatasetVersions.Where(v => v.Name == command.Name).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var version = DatasetVersion.Create(
            command.Name, latest + 1, command.Format, blob.Sha256, blob.SizeBytes, inspection.RowCount, inspection.ColumnCount,
            inspection.ProfileJson, inspection.SplitJson, currentUser.Name, clock.GetUtcNow());
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

        return DatasetVersionDto.From(version, withProfile: true);
    }

    private Task<bool> VersionExistsAsync(string name, int version) =>
        db.DatasetVersions.AsNoTracking().AnyAsync(v => v.Name == name && v.Version == version, CancellationToken.None);
}
