using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Infrastructure.Persistence;

/// <summary>SQLite, the embedded default. Its migrations live in Persistence/Migrations/Sqlite.</summary>
public sealed class SqlitePlatformDbContext(
    DbContextOptions<SqlitePlatformDbContext> options, Application.Common.Interfaces.IWorkspaceScope? workspace = null,
    Application.Common.Security.WorkspaceIsolationSwitch? isolation = null)
    : PlatformDbContext(options, workspace, isolation)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; all times are UTC, so their ticks order correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
