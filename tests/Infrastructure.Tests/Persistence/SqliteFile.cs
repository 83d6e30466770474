using Microsoft.EntityFrameworkCore;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Tests.Persistence;

/// <summary>A migrated SQLite database in its own temporary file.</summary>
public sealed class SqliteFile : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "platform-infra-tests", Guid.NewGuid().ToString("N"));

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "test.db")};Pooling=False";

    public SqlitePlatformDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite(ConnectionString).Options);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
