using System.Text;
using Platform.Domain.Datasets;
using Platform.Infrastructure.Artifacts;
using Platform.Infrastructure.Tests.Persistence;

namespace Platform.Infrastructure.Tests.Artifacts;

public sealed class OrphanBlobSweeperTests : IAsyncLifetime
{
    private readonly SqliteFile _database = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "platform-sweep-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Only_old_blobs_that_nothing_refers_to_are_removed_and_a_re_upload_protects_one()
    {
        var store = new FileSystemArtifactStore(_root);
        var referenced = await SaveAsync(store, "a,b\n1,2\n");
        var orphan = await SaveAsync(store, "left by a failed upload");
        var reuploaded = await SaveAsync(store, "uploaded again just now");
        var fresh = await SaveAsync(store, "still being committed");
        var now = DateTimeOffset.UtcNow;
        foreach (var sha in new[] { referenced, orphan, reuploaded })
        {
            Age(sha, TimeSpan.FromDays(2));
        }

        await SaveAsync(store, "uploaded again just now");
        await using (var db = _database.NewContext())
        {
            db.DatasetVersions.Add(DatasetVersion.Create("d", 1, "csv", referenced, 8, 1, 2, "{}", "{}", "alice", now));
            await db.SaveChangesAsync();
        }

        await using var context = _database.NewContext();
        var removed = await OrphanBlobSweeper.SweepAsync(context, store, now.AddHours(-24), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(store.OpenRead(orphan));
        foreach (var kept in new[] { referenced, reuploaded, fresh })
        {
            await using var stream = store.OpenRead(kept);
            Assert.True(stream is not null, $"blob {kept} was removed");
        }
    }

    private static async Task<string> SaveAsync(FileSystemArtifactStore store, string content) =>
        (await store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), 1000, CancellationToken.None)).Sha256;

    private void Age(string sha256, TimeSpan by) =>
        File.SetLastWriteTimeUtc(Path.Combine(_root, "sha256", sha256[..2], sha256[2..4], sha256), DateTime.UtcNow - by);
}
