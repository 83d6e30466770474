using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Platform.Benchmarks;

/// <summary>
/// Metric points per second through <c>POST /api/v1/runs/{id}/metrics</c> (1,000-point batches, bodies serialised
/// up front) versus the same rows inserted into the same SQLite file through Microsoft.Data.Sqlite with a prepared
/// statement, 1,000 rows per transaction. The two sides alternate batch by batch, so that SQLite's WAL checkpoints
/// (which land on whichever commit crosses the threshold) fall on both alike; totals are compared.
/// </summary>
internal static class IngestionBenchmark
{
    private const int BatchSize = 1000;
    private const int Batches = 200;

    public static async Task<object> RunAsync()
    {
        await using var server = await BenchmarkServer.StartAsync();
        using var client = await server.AdminClientAsync();
        var experiment = await client.CreateAsync("/api/v1/experiments", new { name = "ingestion" });
        var apiRun = await client.CreateAsync($"/api/v1/experiments/{experiment}/runs", new { name = "api" });
        var rawRun = Guid.Parse(await client.CreateAsync($"/api/v1/experiments/{experiment}/runs", new { name = "raw" }));
        var warmRun = await client.CreateAsync($"/api/v1/experiments/{experiment}/runs", new { name = "warm-up" });

        var bodies = Enumerable.Range(0, Batches).Select(Body).ToArray();
        await using var raw = new SqliteConnection($"Data Source={server.DatabasePath}");
        await raw.OpenAsync();
        using (var pragma = raw.CreateCommand())
        {
            // The same per-connection settings as the API's connections: the database does the same work on both sides.
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            pragma.ExecuteNonQuery();
        }

        for (var i = 0; i < 5; i++)
        {
            await PostAsync(client, warmRun, bodies[i]);
            InsertRaw(raw, rawRun, i);
        }

        var api = TimeSpan.Zero;
        var direct = TimeSpan.Zero;
        var clock = new Stopwatch();
        for (var b = 0; b < Batches; b++)
        {
            clock.Restart();
            await PostAsync(client, apiRun, bodies[b]);
            api += clock.Elapsed;
            clock.Restart();
            InsertRaw(raw, rawRun, b);
            direct += clock.Elapsed;
        }

        var points = (double)BatchSize * Batches;
        var apiRate = points / api.TotalSeconds;
        var rawRate = points / direct.TotalSeconds;
        Console.WriteLine($"{points:N0} points each way; api {api.TotalSeconds:F2} s, raw {direct.TotalSeconds:F2} s");
        return new { api_points_per_s = Math.Round(apiRate), raw_points_per_s = Math.Round(rawRate), ratio = Math.Round(apiRate / rawRate, 3) };
    }

    private static (string Key, double Value, long Step, long Timestamp) Point(int batch, int i) =>
        ($"m{i % 10}", Math.Sin(batch * BatchSize + i), (batch * BatchSize + i) / 10, 1_700_000_000_000L + (batch * BatchSize) + i);

    private static byte[] Body(int batch) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        metrics = Enumerable.Range(0, BatchSize).Select(i => Point(batch, i)).Select(p => new { key = p.Key, value = p.Value, step = p.Step, timestamp = p.Timestamp }),
    });

    private static async Task PostAsync(HttpClient client, string run, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync($"/api/v1/runs/{run}/metrics", content);
        response.EnsureSuccessStatusCode();
    }

    private static void InsertRaw(SqliteConnection connection, Guid run, int batch)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO MetricPoints (RunId, Key, Value, Special, Step, Timestamp) VALUES ($run, $key, $value, 0, $step, $ts)";
        command.Parameters.Add("$run", SqliteType.Text).Value = run;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        var step = command.Parameters.Add("$step", SqliteType.Integer);
        var timestamp = command.Parameters.Add("$ts", SqliteType.Integer);
        command.Prepare();
        for (var i = 0; i < BatchSize; i++)
        {
            var p = Point(batch, i);
            key.Value = p.Key;
            value.Value = p.Value;
            step.Value = p.Step;
            timestamp.Value = p.Timestamp;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
