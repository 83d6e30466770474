using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Infrastructure.Persistence;

/// <summary>For <c>dotnet ef</c>: one factory per provider, each with its own migrations (no database needed).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPlatformDbContext>
{
    public SqlServerPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPlatformDbContext>()
            .UseSqlServer("Server=localhost;Database=Platform;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
