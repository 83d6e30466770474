using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Infrastructure.Bootstrap;

namespace Platform.Infrastructure.Persistence;

/// <summary>Start-up work on the database: migrations (when enabled) and the first admin.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<PlatformDbContext>();
        var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = provider.GetRequiredService<ILogger<PlatformDbContext>>();
        if (options.MigrateOnStartup)
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
                var folder = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
                if (folder is not null)
                {
                    Directory.CreateDirectory(folder);
                }
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                // Readers do not block the writer, and commits need no fsync of the whole file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            logger.LogInformation("Database ready ({Provider}); applied {Count} migration(s)", db.Provider, pending.Count);
        }

        await provider.GetRequiredService<FirstAdminBootstrapper>().EnsureAdminAsync(cancellationToken);
    }
}
