using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Platform.Domain.Runs;
using Platform.Infrastructure.Persistence;

namespace Platform.Benchmarks;

/// <summary>
/// 100,000 runs x 10 metrics (plus 2 params each) in the database; the first page (50 runs) of a search filtered on a
/// metric and a param and ordered by another metric, over HTTP: median of repeated calls.
/// </summary>
internal static class SearchBenchmark
{
    private const int Runs = 100_000;
    private const int Metrics = 10;
    private const int Calls = 30;

    public static async Task<object> RunAsync()
    {
        await using var server = await BenchmarkServer.StartAsync();
        using var client = await server.AdminClientAsync();
        var experiment = Guid.Parse(await client.CreateAsync("/api/v1/experiments", new { name = "search" }));

        var seeding = Stopwatch.StartNew();
        var runIds = SeedRuns(server, experiment);
        SeedMetrics(server.DatabasePath, runIds);
        Console.WriteLine($"seeded {Runs:N0} runs x {Metrics} metrics in {seeding.Elapsed.TotalSeconds:F1} s");

        var query = new
        {
            experimentIds = new[] { experiment },
            filter = "metrics.m1 > 0.5 and params.depth = '6'",
            orderBy = "metrics.m2 desc",
            limit = 50,
        };
        var timings = new List<double>();
        for (var i = 0; i < Calls + 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/v1/runs/search", query);
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode || !body.Contains("\"nextCursor\":\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"search failed: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }

            if (i >= 3)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine($"first page: min {timings[0]:F1} ms, p50 {timings[Calls / 2]:F1} ms, max {timings[^1]:F1} ms");
        return new { runs = Runs, first_page_ms = Math.Round(timings[Calls / 2], 2) };
    }

    private static List<Guid> SeedRuns(BenchmarkServer server, Guid experiment)
    {
        var ids = new List<Guid>(Runs);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        for (var chunk = 0; chunk < Runs; chunk += 5000)
        {
            using var scope = server.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            for (var i = chunk; i < chunk + 5000; i++)
            {
                var run = Run.Start(experiment, null, "admin", start.AddSeconds(i));
                run.LogParams([new("depth", (i % 8).ToString()), new("lr", (i % 5 / 10.0).ToString("0.0"))]);
                db.Runs.Add(run);
                ids.Add(run.Id);
            }

            db.SaveChanges();
        }

        return ids;
    }

    private static void SeedMetrics(string databasePath, List<Guid> runIds)
    {
        var random = new Random(7);
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var latest = Insert(connection, transaction, "LatestMetrics");
        using var point = Insert(connection, transaction, "MetricPoints");
        foreach (var run in runIds)
        {
            for (var m = 0; m < Metrics; m++)
            {
                var value = random.NextDouble();
                foreach (var command in new[] { latest, point })
                {
                    command.Parameters[0].Value = run;
                    command.Parameters[1].Value = $"m{m}";
                    command.Parameters[2].Value = value;
                    command.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA optimize;";
        analyze.ExecuteNonQuery();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} (RunId, Key, Value, Special, Step, Timestamp) VALUES ($run, $key, $value, 0, 0, 1700000000000)";
        command.Parameters.Add("$run", SqliteType.Text);
        command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.Add("$value", SqliteType.Real);
        command.Prepare();
        return command;
    }
}
