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

    [Fact]
    public async Task The_resources_of_a_database_from_before_they_lived_in_workspaces_move_to_default_and_stay_readable()
    {
        var (experiment, model) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var db = _database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_ResourcesInWorkspaces", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(previous);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO Experiments (Id, ArchivedAt, CreatedAt, CreatedBy, Description, LifecycleStage, Name, UpdatedAt, Version)
                VALUES ({experiment}, NULL, 0, 'root', 'kept', 0, 'churn', 0, 1);
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO RegisteredModels (Id, ConcurrencyVersion, CreatedAt, CreatedBy, Description, LatestVersion, Name)
                VALUES ({model}, 0, 0, 'root', NULL, 0, 'churn');
                """);
            await migrator.MigrateAsync();
        }

        await using var read = _database.NewContext();
        var stored = await read.Experiments.SingleAsync(e => e.Id == experiment);
        Assert.Equal(("churn", "kept", Workspace.DefaultId), (stored.Name, stored.Description, stored.WorkspaceId));
        Assert.Equal(Workspace.DefaultId, (await read.RegisteredModels.SingleAsync(m => m.Id == model)).WorkspaceId);
    }
}
