using Microsoft.EntityFrameworkCore;

namespace Platform.Infrastructure.Persistence;

/// <summary>SQL Server, for the distributed deployment. Its migrations live in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerPlatformDbContext(DbContextOptions<SqlServerPlatformDbContext> options) : PlatformDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
