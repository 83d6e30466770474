using Microsoft.EntityFrameworkCore;

namespace Platform.Infrastructure.Persistence;

/// <summary>SQL Server, for the distributed deployment. Its migrations live in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerPlatformDbContext(
    DbContextOptions<SqlServerPlatformDbContext> options, Application.Common.Interfaces.IWorkspaceScope? workspace = null,
    Application.Common.Security.WorkspaceIsolationSwitch? isolation = null)
    : PlatformDbContext(options, workspace, isolation)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
