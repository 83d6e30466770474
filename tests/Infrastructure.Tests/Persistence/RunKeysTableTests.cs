using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Experiments;
using Platform.Domain.Runs;
using Platform.Infrastructure.Persistence.Metrics;

namespace Platform.Infrastructure.Tests.Persistence;

/// <summary>
/// The experiments' key table on a real SQLite file: kept by the database whoever writes params and latest metrics
/// (EF Core, the SQLite writer's upsert), a metric key gone with its experiment's last value, and existing data
/// backfilled when the migration runs.
/// </summary>
public sealed class RunKeysTableTests : IClassFixture<SqliteFile>
{
    private readonly SqliteFile _database;

    public RunKeysTableTests(SqliteFile database) => _database = database;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("ef")]
    public async Task Params_and_metrics_put_their_keys_in_the_table_once_per_experiment(string writer)
    {
        var (experiment, first) = await NewRunAsync();
        var second = await NewRunAsync(experiment);
        await LogParamsAsync(first, ("lr", "0.1"), ("depth", "3"));
        await LogParamsAsync(second, ("lr", "0.2"));
        await WriteAsync(writer, first, [new("loss", 0.5, 1, 1), new("loss", 0.4, 2, 2)]);
        await WriteAsync(writer, second, [new("loss", 0.3, 1, 1), new("auc", 0.9, 1, 1)]);

        Assert.Equal(["depth", "lr"], await KeysAsync(experiment, RunKeyKind.Param));
        Assert.Equal(["auc", "loss"], await KeysAsync(experiment, RunKeyKind.Metric));
    }

    [Fact]
    public async Task A_metric_key_goes_when_the_last_latest_value_of_it_in_the_experiment_is_deleted()
    {
        var (experiment, first) = await NewRunAsync();
        var second = await NewRunAsync(experiment);
        await WriteAsync("sqlite", first, [new("loss", 0.5, 1, 1), new("auc", 0.7, 1, 1)]);
        await WriteAsync("sqlite", second, [new("loss", 0.4, 1, 1)]);

        await using (var db = _database.NewContext())
        {
            await db.LatestMetrics.Where(m => m.RunId == first).ExecuteDeleteAsync();
        }

        Assert.Equal(["loss"], await KeysAsync(experiment, RunKeyKind.Metric));
    }

    [Fact]
    public async Task The_migration_fills_the_table_from_the_params_and_metrics_already_stored()
    {
        var (experiment, run) = await NewRunAsync();
        await LogParamsAsync(run, ("lr", "0.1"));
        await WriteAsync("sqlite", run, [new("loss", 0.5, 1, 1)]);
        await using (var db = _database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_RunKeys", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(previous);
            Assert.Equal(0L, await ScalarAsync(db, "SELECT count(*) FROM sqlite_master WHERE name = 'RunKeys'"));
            await migrator.MigrateAsync();
        }

        Assert.Equal(["lr"], await KeysAsync(experiment, RunKeyKind.Param));
        Assert.Equal(["loss"], await KeysAsync(experiment, RunKeyKind.Metric));
    }

    private async Task<List<string>> KeysAsync(Guid experiment, RunKeyKind kind)
    {
        await using var db = _database.NewContext();
        return await db.RunKeys.Where(k => k.ExperimentId == experiment && k.Kind == kind).Select(k => k.Key).OrderBy(k => k).ToListAsync();
    }

    private async Task LogParamsAsync(Guid runId, params (string Key, string Value)[] parameters)
    {
        await using var db = _database.NewContext();
        var run = await db.Runs.Include(r => r.Params).SingleAsync(r => r.Id == runId);
        run.LogParams(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        await db.SaveChangesAsync();
    }

    private async Task WriteAsync(string writer, Guid runId, MetricPoint[] points)
    {
        await using var db = _database.NewContext();
        IMetricWriter metricWriter = writer == "sqlite" ? new SqliteMetricWriter(db) : new EfMetricWriter(db);
        await metricWriter.WriteAsync(runId, points, jobId: null, CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(DbContext db, string sql)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(Guid Experiment, Guid Run)> NewRunAsync()
    {
        await using var db = _database.NewContext();
        var experiment = Experiment.Create("k-" + Guid.NewGuid().ToString("N"), null, "t", DateTimeOffset.UtcNow);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return (experiment.Id, await NewRunAsync(experiment.Id));
    }

    private async Task<Guid> NewRunAsync(Guid experiment)
    {
        await using var db = _database.NewContext();
        var run = Run.Start(experiment, null, "t", DateTimeOffset.UtcNow);
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}
