using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Runs;
using Platform.Infrastructure.Observability;

namespace Platform.Infrastructure.Persistence.Metrics;

/// <summary>
/// Bulk metric writes for SQLite: one transaction, one prepared insert reused for every point, then one upsert per
/// key for the latest values. No change tracking: a 1,000-point batch costs about what the database costs.
/// </summary>
internal sealed class SqliteMetricWriter(PlatformDbContext db) : IMetricWriter
{
    private const string InsertPoint =
        "INSERT INTO MetricPoints (RunId, Key, Value, Special, Step, Timestamp, JobId) VALUES ($run, $key, $value, $special, $step, $ts, $job)";

    private const string UpsertLatest = """
        INSERT INTO LatestMetrics (RunId, Key, Value, Special, Step, Timestamp) VALUES ($run, $key, $value, $special, $step, $ts)
        ON CONFLICT (RunId, Key) DO UPDATE SET Value = excluded.Value, Special = excluded.Special, Step = excluded.Step, Timestamp = excluded.Timestamp
        WHERE excluded.Step > LatestMetrics.Step OR (excluded.Step = LatestMetrics.Step AND excluded.Timestamp >= LatestMetrics.Timestamp)
        """;

    public async Task WriteAsync(Guid runId, IReadOnlyList<MetricPoint> points, Guid? jobId, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("metrics.write");
        activity?.SetTag("platform.metric_points", points.Count);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
            Execute(connection, transaction, InsertPoint, runId, points, jobId);
            Execute(connection, transaction, UpsertLatest, runId, LatestPoints.Of(points), jobId: null);
            transaction.Commit();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, Guid runId, IEnumerable<MetricPoint> points, Guid? jobId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add("$run", SqliteType.Text).Value = runId;
        if (sql == InsertPoint)
        {
            command.Parameters.Add("$job", SqliteType.Text).Value = jobId is { } id ? id : DBNull.Value;
        }

        var key = command.Parameters.Add("$key", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        var special = command.Parameters.Add("$special", SqliteType.Integer);
        var step = command.Parameters.Add("$step", SqliteType.Integer);
        var timestamp = command.Parameters.Add("$ts", SqliteType.Integer);
        command.Prepare();
        foreach (var point in points)
        {
            var (stored, kind) = MetricValue.Encode(point.Value);
            key.Value = point.Key;
            value.Value = stored;
            special.Value = (byte)kind;
            step.Value = point.Step;
            timestamp.Value = point.Timestamp;
            command.ExecuteNonQuery();
        }
    }

    public Task ForgetJobPointsAndSaveAsync(Guid runId, Guid jobId, CancellationToken cancellationToken) =>
        JobPointsForgetting.ForgetAndSaveAsync(db, runId, jobId, cancellationToken);
}
