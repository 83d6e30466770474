using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Domain.Identity;
using Platform.Domain.Workspaces;

namespace Platform.Infrastructure.Tests.Persistence;

/// <summary>
/// A database from before workspaces, with its users, upgrades: the migration creates the workspace <c>default</c>
/// and every user joins it with the roles they held (a machine role, never a person's, is left out).
/// </summary>
public sealed class WorkspacesMigrationTests : IClassFixture<SqliteFile>
{
    private readonly SqliteFile _database;

    public WorkspacesMigrationTests(SqliteFile database) => _database = database;

    [Fact]
    public async Task The_users_of_a_database_from_before_workspaces_are_members_of_default_with_their_roles()
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var (admin, scientist) = (User.Create("root", "hash", Role.Admin, now), User.Create("dana", "hash", Role.DataScientist | Role.Approver, now));
        await using (var db = _database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_Workspaces", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(previous);
            db.Users.AddRange(admin, scientist);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await migrator.MigrateAsync();
        }

        await using var read = _database.NewContext();
        var workspace = await read.Workspaces.SingleAsync();
        Assert.Equal((Workspace.DefaultId, Workspace.DefaultName), (workspace.Id, workspace.Name));
        var members = await read.WorkspaceMembers.Where(m => m.WorkspaceId == Workspace.DefaultId).ToDictionaryAsync(m => m.UserId, m => m.Roles);
        Assert.Equal(new Dictionary<Guid, Role> { [admin.Id] = Role.Admin, [scientist.Id] = Role.DataScientist | Role.Approver }, members);
    }
}
