using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.Domain.Runs;

namespace Platform.Benchmarks;

/// <summary>
/// Runs with params and metrics written straight into the host's SQLite file (prepared statements, one transaction),
/// as the search benchmark does: each run has every param and metric, one latest value each; the first
/// <c>historyRuns</c> also get a 50-step history per metric for the compare page's charts.
/// </summary>
internal static class PortalSeed
{
    private static readonly DateTimeOffsetToBinaryConverter Times = new();

    public static List<Guid> Seed(string databasePath, Guid experiment, int runs, int parameters, int metrics, int historyRuns)
    {
        var random = new Random(11);
        var ids = new List<Guid>(runs);
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var run = Prepare(connection, transaction,
            "INSERT INTO Runs (Id, ExperimentId, Name, Status, StartTime, EndTime, CreatedBy, Version) VALUES ($1, $2, $3, $4, $5, $6, 'admin', 1)", 6);
        using var param = Prepare(connection, transaction, "INSERT INTO RunParams (RunId, Key, Value) VALUES ($1, $2, $3)", 3);
        using var latest = Prepare(connection, transaction, "INSERT INTO LatestMetrics (RunId, Key, Value, Special, Step, Timestamp) VALUES ($1, $2, $3, 0, $4, 1700000000000)", 4);
        using var point = Prepare(connection, transaction, "INSERT INTO MetricPoints (RunId, Key, Value, Special, Step, Timestamp) VALUES ($1, $2, $3, 0, $4, 1700000000000)", 4);
        for (var i = 0; i < runs; i++)
        {
            var id = Guid.CreateVersion7(start.AddSeconds(i));
            ids.Add(id);
            var began = start.AddSeconds(i * 60);
            Run(run, id, experiment, $"run-{i:D5}", (int)RunStatus.Finished, Times.ConvertToProvider(began)!, Times.ConvertToProvider(began.AddMinutes(5))!);
            for (var p = 0; p < parameters; p++)
            {
                Run(param, id, $"param_{p:D2}", p % 4 == 0 ? $"choice-{random.Next(4)}" : (random.Next(1, 100) / 100.0).ToString("0.00", CultureInfo.InvariantCulture));
            }

            for (var m = 0; m < metrics; m++)
            {
                var steps = i < historyRuns ? 50 : 1;
                var final = random.NextDouble();
                for (var step = 1; step <= steps; step++)
                {
                    Run(point, id, $"metric_{m:D2}", final + (steps - step) * 0.01, step);
                }

                Run(latest, id, $"metric_{m:D2}", final, steps);
            }
        }

        transaction.Commit();
        using var optimize = connection.CreateCommand();
        optimize.CommandText = "PRAGMA optimize;";
        optimize.ExecuteNonQuery();
        return ids;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] is Guid g ? g.ToString().ToUpperInvariant() : values[i];
        }

        command.ExecuteNonQuery();
    }
}
