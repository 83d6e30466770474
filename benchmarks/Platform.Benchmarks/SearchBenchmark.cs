using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Common.Security;
using Platform.Domain.Runs;
using Platform.Infrastructure.Persistence;

namespace Platform.Benchmarks;

/// <summary>
/// 100,000 runs x 10 metrics (plus 2 params each) in the database; the first page (50 runs) of a search filtered on a
/// metric and a param and ordered by another metric, over HTTP: median of repeated calls. Two servers in this process
/// hold the same runs, one as shipped (workspace isolation: the pipeline enters the workspace, EF filters every query)
/// and one composed without it (<see cref="WorkspaceIsolationSwitch"/>), called alternately: the ratio is isolation's
/// cost. Then 1,000,000 runs spread over four workspaces (<see cref="SearchScaleSeed"/>), the same search in one of them.
/// </summary>
internal static class SearchBenchmark
{
    private const int Runs = 100_000;
    private const int Metrics = 10;
    private const int Calls = 30;

    public static async Task<object> RunAsync()
    {
        double isolated, plain;
        {
            await using var shipped = await BenchmarkServer.StartAsync();
            await using var unfiltered = await BenchmarkServer.StartAsync(s => s.Replace(ServiceDescriptor.Singleton(new WorkspaceIsolationSwitch { Off = true })));
            var sides = new List<(HttpClient Client, object Query, List<double> Times)>();
            foreach (var server in new[] { shipped, unfiltered })
            {
                var client = await server.AdminClientAsync();
                var experiment = Guid.Parse(await client.CreateAsync("/api/v1/experiments", new { name = "search" }));
                var seeding = Stopwatch.StartNew();
                SeedMetrics(server.DatabasePath, SeedRuns(server, experiment));
                Console.WriteLine($"seeded {Runs:N0} runs x {Metrics} metrics in {seeding.Elapsed.TotalSeconds:F1} s");
                sides.Add((client, Query(experiment), []));
            }

            for (var i = 0; i < Calls + 3; i++)
            {
                foreach (var side in sides)
                {
                    var ms = await SearchAsync(side.Client, "/api/v1/runs/search", side.Query);
                    if (i >= 3)
                    {
                        side.Times.Add(ms);
                    }
                }
            }

            (isolated, plain) = (Report("as shipped", sides[0].Times), Report("without isolation", sides[1].Times));
        }

        var scale = await ScaleAsync();
        return new
        {
            runs = Runs,
            first_page_ms = Math.Round(isolated, 2),
            first_page_ms_unisolated = Math.Round(plain, 2),
            workspace_filter_ratio = Math.Round(isolated / plain, 3),
            runs_1m = SearchScaleSeed.Total,
            first_page_ms_1m = Math.Round(scale, 2),
        };
    }

    /// <summary>The 1,000,000 runs, a quarter in each of four workspaces; the search in the second.</summary>
    private static async Task<double> ScaleAsync()
    {
        await using var server = await BenchmarkServer.StartAsync();
        using var client = await server.AdminClientAsync();
        var spaces = new List<(string Name, Guid Workspace, Guid Experiment)>();
        for (var w = 0; w < SearchScaleSeed.Workspaces; w++)
        {
            var name = $"team-{w}";
            var workspace = Guid.Parse(await client.CreateAsync("/api/v1/workspaces", new { name }));
            spaces.Add((name, workspace, Guid.Parse(await client.CreateAsync($"/api/v1/workspaces/{name}/experiments", new { name = "search" }))));
        }

        await client.CreateAsync($"/api/v1/workspaces/{spaces[0].Name}/experiments/{spaces[0].Experiment}/runs", new { name = "template" });
        var seeding = Stopwatch.StartNew();
        SearchScaleSeed.Seed(server.DatabasePath, [.. spaces.Select(s => (s.Workspace, s.Experiment))]);
        Console.WriteLine($"seeded {SearchScaleSeed.Total:N0} runs over {spaces.Count} workspaces in {seeding.Elapsed.TotalSeconds:F1} s");
        var (target, _, experiment) = spaces[1];
        var times = new List<double>();
        for (var i = 0; i < Calls + 3; i++)
        {
            var ms = await SearchAsync(client, $"/api/v1/workspaces/{target}/runs/search", Query(experiment));
            if (i >= 3)
            {
                times.Add(ms);
            }
        }

        return Report($"1M runs, in workspace {target}", times);
    }

    private static object Query(Guid experiment) => new
    {
        experimentIds = new[] { experiment },
        filter = "metrics.m1 > 0.5 and params.depth = '6'",
        orderBy = "metrics.m2 desc",
        limit = 50,
    };

    private static async Task<double> SearchAsync(HttpClient client, string path, object query)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync(path, query);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        return response.IsSuccessStatusCode && body.Contains("\"nextCursor\":\"", StringComparison.Ordinal)
            ? clock.Elapsed.TotalMilliseconds
            : throw new InvalidOperationException($"search failed: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
    }

    private static double Report(string side, List<double> timings)
    {
        timings.Sort();
        Console.WriteLine($"first page, {side}: min {timings[0]:F1} ms, p50 {timings[Calls / 2]:F1} ms, max {timings[^1]:F1} ms");
        return timings[Calls / 2];
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
