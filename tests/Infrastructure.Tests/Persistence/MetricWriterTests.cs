using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Experiments;
using Platform.Domain.Runs;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Persistence.Metrics;

namespace Platform.Infrastructure.Tests.Persistence;

/// <summary>Both metric writers against a real SQLite file: the raw one (SQLite's) and the EF one (SQL Server's).</summary>
public sealed class MetricWriterTests : IClassFixture<SqliteFile>
{
    private readonly SqliteFile _database;

    public MetricWriterTests(SqliteFile database) => _database = database;

    public static TheoryData<string> Writers => ["sqlite", "ef"];

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Points_are_stored_for_the_run_and_readable_through_ef(string writer)
    {
        var runId = await NewRunAsync();
        await WriteAsync(writer, runId, [new("loss", 0.5, 1, 10), new("loss", 0.25, 2, 20), new("acc", double.NaN, 0, 5)]);

        await using var db = _database.NewContext();
        var points = await db.MetricPoints.Where(p => p.RunId == runId).OrderBy(p => p.Key).ThenBy(p => p.Step).ToListAsync();
        Assert.Equal(["acc", "loss", "loss"], points.Select(p => p.Key));
        Assert.True(double.IsNaN(MetricValue.Decode(points[0].Value, points[0].Special)));
        var joined = await db.Runs.Where(r => r.Id == runId).SelectMany(r => db.LatestMetrics.Where(m => m.RunId == r.Id)).CountAsync();
        Assert.Equal(2, joined);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task The_latest_value_is_the_highest_step_whatever_the_arrival_order(string writer)
    {
        var runId = await NewRunAsync();
        await WriteAsync(writer, runId, [new("loss", 0.3, 5, 100), new("loss", 0.9, 1, 200)]);
        await WriteAsync(writer, runId, [new("loss", 0.8, 2, 300)]);
        await WriteAsync(writer, runId, [new("loss", double.PositiveInfinity, 5, 400), new("auc", 0.7, 0, 1)]);

        await using var db = _database.NewContext();
        var latest = await db.LatestMetrics.Where(m => m.RunId == runId).OrderBy(m => m.Key).ToListAsync();
        Assert.Equal(2, latest.Count);
        Assert.Equal(0.7, latest[0].DecodedValue);
        Assert.Equal(double.PositiveInfinity, latest[1].DecodedValue);
        Assert.Equal(5, latest[1].Step);
        Assert.Equal(5, await db.MetricPoints.CountAsync(p => p.RunId == runId));
    }

    private async Task WriteAsync(string writer, Guid runId, MetricPoint[] points)
    {
        await using var db = _database.NewContext();
        IMetricWriter metricWriter = writer == "sqlite" ? new SqliteMetricWriter(db) : new EfMetricWriter(db);
        await metricWriter.WriteAsync(runId, points, jobId: null, CancellationToken.None);
    }

    private async Task<Guid> NewRunAsync()
    {
        await using var db = _database.NewContext();
        var experiment = Experiment.Create("e-" + Guid.NewGuid().ToString("N"), null, "t", DateTimeOffset.UtcNow);
        var run = Run.Start(experiment.Id, null, "t", DateTimeOffset.UtcNow);
        db.Experiments.Add(experiment);
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }
}
